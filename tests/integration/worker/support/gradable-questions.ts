// Three published questions with real grading material (the canary rubric, the Python and Bash
// harnesses), made directly: quicker than seeding the whole bank before every test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { prisma } from '@/server/db';

export const CANARY = 'explain-canary-releases-contrast-blue-green';
export const PYTHON = 'write-python-function-compare-manifests-old';
export const BASH = 'write-bash-script-pulls-specified-docker';

const content = (slug: string, file: string) => readFileSync(path.join(process.cwd(), 'seeds', 'content', slug, file), 'utf8');

export async function createGradableQuestions(): Promise<{ written: string; python: string; bash: string }> {
  const topic = await prisma.topic.create({ data: { slug: 'ops', name: 'Ops', description: 'Operations.' }, select: { id: true } });
  const make = async (slug: string, answerKind: 'WRITTEN' | 'BASH' | 'PYTHON' | 'CONFIG', material: { rubric?: object; harness?: object }) => {
    const question = await prisma.question.create({
      data: { slug, topicId: topic.id, prompt: slug, difficulty: 'EASY', type: 'TECHNICAL', answerKind },
      select: { id: true },
    });
    await prisma.questionVersion.create({
      data: { questionId: question.id, version: 1, ...material, modelAnswer: 'A model answer.', publishedAt: new Date() },
    });
    return question.id;
  };
  return {
    written: await make(CANARY, 'WRITTEN', { rubric: JSON.parse(content(CANARY, 'rubric.json')) as object }),
    python: await make(PYTHON, 'PYTHON', { harness: { name: 'python-compare-manifests', version: 1 } }),
    bash: await make(BASH, 'BASH', { harness: { name: 'bash-deploy', version: 1 } }),
  };
}

export const reference = (slug: string, file: string) => content(slug, file);
