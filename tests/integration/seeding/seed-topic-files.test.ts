// Every seed topic file (seeds/topics/*.json) assembles into a bundle the importer accepts, is
// placed in seeds/taxonomy.json, and its written questions validate as an admin's Validate button
// would: each dev-set answer grades within the band around the interviewer's score. Reads files only.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '@/server/bundles/parse-bundle';
import { liveMaterial } from '@/server/bundles/schemas';
import { realGraders } from '@/server/curation/real-graders';
import { runValidation } from '@/server/curation/run-validation';
import { assembleTopicBundle } from '@/server/seeding/assemble-topic-bundle';
import { readTaxonomy } from '@/server/seeding/seed-taxonomy';

const seeds = path.join(process.cwd(), 'seeds');
const topicFiles = readdirSync(path.join(seeds, 'topics')).filter((f) => f.endsWith('.json')).sort();

describe('seed topic files', () => {
  it('seeds/taxonomy.json is valid and places every seed topic file', async () => {
    const taxonomy = await readTaxonomy(path.join(seeds, 'taxonomy.json'));
    const placed = new Set(taxonomy!.topics.map((t) => t.slug));
    expect(placed).toContain('production-deployments-and-operations');
    expect(topicFiles.map((f) => f.replace(/\.json$/, '')).filter((slug) => !placed.has(slug))).toEqual([]);
  });

  // A tag is a link to every question that carries it (/search?tag=…), matched exactly: written two
  // ways ("incident response", "incident-response") it splits the bank in two. Seeds write words
  // joined by hyphens.
  it('writes every tag of the seed bank one way: lowercase words joined by hyphens', async () => {
    const tags = new Set<string>();
    for (const file of topicFiles) {
      const { bundle } = await assembleTopicBundle({ file: path.join(seeds, 'topics', file), contentDir: path.join(seeds, 'content') });
      for (const question of parseBundle(bundle).questions) for (const tag of question.tags) tags.add(tag);
    }
    expect(tags.size).toBeGreaterThan(20);
    expect([...tags].filter((tag) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(tag))).toEqual([]);
  });

  it.each(topicFiles)('%s assembles into a valid bundle whose questions validate', async (file) => {
    const { topic, bundle: raw } = await assembleTopicBundle({ file: path.join(seeds, 'topics', file), contentDir: path.join(seeds, 'content') });
    expect(file).toBe(`${topic.slug}.json`);
    const bundle = parseBundle(raw);
    expect(bundle.questions.map((q) => q.slug)).toEqual(topic.questions);
    for (const question of bundle.questions) {
      expect(question.seededPracticeCount).toBe(0);
      // Code questions: their material comes from seed-content.ts, and every variant runs in
      // tests/integration/harnesses/python-kit-questions.test.ts, admin validation included.
      if (question.answerKind !== 'WRITTEN') {
        expect(liveMaterial(question), question.slug).toBeNull();
        continue;
      }
      const dev = JSON.parse(readFileSync(path.join(seeds, 'content', question.slug, 'dev-set.json'), 'utf8')) as { answers: { style: string }[] };
      expect(dev.answers.length, question.slug).toBeGreaterThanOrEqual(6);
      expect(dev.answers.map((a) => a.style), question.slug).toEqual(expect.arrayContaining(['keyword list', 'confidently wrong']));
      const outcome = await runValidation({ answerKind: 'WRITTEN', material: { rubric: question.rubric, harness: null, modelAnswer: question.modelAnswer, starterCode: null, validation: question.validation }, prompt: question.prompt }, realGraders);
      expect(outcome.summary, question.slug).toBe(`All ${outcome.checks.length} checks passed.`);
    }
  });
});
