// The optional language-model judge (docs/decisions/006): an OpenAI-compatible
// /v1/chat/completions endpoint (Ollama, vLLM, llama.cpp server, OpenAI). Off unless both
// GRADER_LLM_URL and GRADER_LLM_MODEL are set; the worker reads them and passes the config in,
// so the grader itself never reads the environment.
import { z } from 'zod';

export type JudgeConfig = { url: string; model: string; apiKey?: string; timeoutMs: number };

const EnvSchema = z.object({
  GRADER_LLM_URL: z.url({ error: 'GRADER_LLM_URL must be a URL, e.g. http://localhost:11434' }).optional(),
  GRADER_LLM_MODEL: z.string().trim().min(1).optional(),
  GRADER_LLM_API_KEY: z.string().trim().min(1).optional(),
  GRADER_LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).optional(),
});

export function readJudgeConfig(env: Record<string, string | undefined>): JudgeConfig | undefined {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { GRADER_LLM_URL: url, GRADER_LLM_MODEL: model, GRADER_LLM_API_KEY: apiKey, GRADER_LLM_TIMEOUT_MS: timeoutMs } = parsed.data;
  if (!url || !model) return undefined;
  return { url, model, ...(apiKey ? { apiKey } : {}), timeoutMs: timeoutMs ?? 20_000 };
}
