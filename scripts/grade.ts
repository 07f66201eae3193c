// `npm run grade -- <question-slug> <answer-file>`: grades an answer exactly as the app would (the
// question's latest published version, the same size limits, the same gradeAnswer) and prints the
// result as JSON on stdout. Exit 0 when grading ran, whatever the score; 1 with a one-line message
// when the question or the file does not exist, the app would refuse the answer (blank, too large,
// a written answer too short), or grading failed on our side (the infra_error result is still
// printed); 2 for bad usage.
import { readFile } from 'node:fs/promises';
import { prepareDatabase } from './lib/prepare-database';
import { errorMessage } from '../src/lib/error-message';
import { parseCli } from './lib/parse-cli';

const fail = (message: string, code = 1): never => {
  console.error(`[grade] ${message}`);
  process.exit(code);
};

const { positionals } = parseCli({ name: 'grade', usage: 'usage: npm run grade -- <question-slug> <answer-file>', options: {}, positionals: { min: 2, max: 2 } });
const [slug, file] = positionals as [string, string];

const answer = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) =>
  fail(error.code === 'ENOENT' ? `no such answer file: ${file}` : `cannot read ${file}: ${error.message}`),
);

// Quiet, so stdout is pure JSON and a failure is one line on stderr. Seeds an empty bank (and its
// grading content) so this works on a fresh machine.
const db = await prepareDatabase({ log: () => {}, seed: true });
let exitCode = 0;
try {
  const { prisma } = await import('../src/server/db');
  const { describeRefusedAnswer } = await import('../src/server/attempts/schemas');
  const { buildGradeRequest } = await import('../src/worker/build-grade-request');
  const { gradeAnswer } = await import('../src/grading/grade-answer');
  const question = await prisma.question.findUnique({
    where: { slug },
    select: {
      answerKind: true,
      prompt: true,
      versions: {
        where: { publishedAt: { not: null } },
        orderBy: { version: 'desc' },
        take: 1,
        select: { version: true, rubric: true, harness: true },
      },
    },
  });
  if (!question) throw new Error(`no question with slug "${slug}"`);
  const refused = describeRefusedAnswer(question.answerKind, answer);
  if (refused) throw new Error(refused);
  const built = buildGradeRequest({ answerKind: question.answerKind, answer, material: question.versions[0] ?? null, prompt: question.prompt });
  if ('problem' in built) throw new Error(`${built.problem} Run \`npm run db:seed\` to import the bundled content.`);
  const result = await gradeAnswer(built.request);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (result.status === 'infra_error') {
    console.error(`[grade] grading failed on our side: ${result.message}`);
    exitCode = 1;
  }
} catch (error) {
  console.error(`[grade] ${errorMessage(error)}`);
  exitCode = 1;
} finally {
  const { prisma } = await import('../src/server/db');
  await prisma.$disconnect();
  await db.stop();
}
process.exit(exitCode);
