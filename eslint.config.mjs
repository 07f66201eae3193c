import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// Layer rules (house style): handlers and pages call verbs, never Prisma; the grader and the
// sandbox are plain TypeScript that the worker can run without Next.js, React or a database.
const noPrismaInApp = {
  files: ['src/app/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['@/generated/prisma/*', '@prisma/*'], message: 'Pages and handlers call a verb in src/server/<domain>/, never Prisma.' },
          { group: ['@/server/db'], message: 'Pages and handlers call a verb in src/server/<domain>/; only verbs use the client.' },
        ],
      },
    ],
  },
};

const gradingIsPure = {
  files: ['src/grading/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['next', 'next/*', 'react', 'react/*', 'react-dom'], message: 'src/grading/ is plain TypeScript: no Next.js or React.' },
          { group: ['@/server/*', '@/app/*', '@/components/*', '@/generated/*', '@prisma/*'], message: 'src/grading/ must not reach the web or data layer; the worker passes it data.' },
        ],
      },
    ],
  },
};

const config = [
  { ignores: ['node_modules/**', '.next/**', '.data/**', 'src/generated/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  noPrismaInApp,
  gradingIsPure,
  {
    rules: {
      // `const { secret: _secret, ...rest } = row` is how we drop a field on purpose.
      '@typescript-eslint/no-unused-vars': ['warn', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
];

export default config;
