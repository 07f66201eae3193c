// The starting state of a Bash world kit scenario, as data (docs/decisions/020): what the fake
// docker, systemctl, curl, kubectl and nginx know before the script runs. A scenario may replace
// any top-level part of its question's base world (its injected failures).
import { z } from 'zod';

const Name = z.string().trim().min(1).max(120);
const ImageRef = z.string().trim().min(1).max(200);
// 0 stands for a server that takes the connection and never answers (curl exits 28 after
// --max-time, and without one never returns: fake-curl.ts); any other value is an HTTP status.
const Status = z.number().int().refine((s) => s === 0 || (s >= 100 && s <= 599), 'an HTTP status, or 0 for a timeout');

export const UnitStateSchema = z.enum(['active', 'inactive', 'failed']);

const UnitsSchema = z.record(Name, UnitStateSchema);
const DockerSchema = z.strictObject({
  images: z.array(ImageRef).max(16).default([]),
  containers: z.array(z.strictObject({ name: Name, image: ImageRef, running: z.boolean().default(true) })).max(8).default([]),
  // fails: docker pull exits 1; no-image: it exits 0 but nothing arrives.
  pull: z.enum(['works', 'fails', 'no-image']).default('works'),
  // The unit myapp.service as the fake systemctl runs it (bash-deploy's host): starting it
  // replaces the container "myapp" with one from `image`; stopping or starting it can fail.
  myappService: z.strictObject({ image: ImageRef, stop: z.enum(['works', 'fails']).default('works'), start: z.enum(['works', 'fails']).default('works') }).optional(),
});
// Each request takes the next status of its sequence; the last one repeats. With `container`,
// the URL answers only while that container runs, with the sequence of the image it runs.
const HttpSchema = z
  .array(
    z.strictObject({
      url: z.string().trim().min(1).max(300),
      container: Name.optional(),
      statuses: z.array(Status).min(1).max(32),
      byImage: z.record(ImageRef, z.array(Status).min(1).max(32)).default({}),
    }),
  )
  .max(8);
const KubernetesSchema = z.strictObject({
  namespace: Name.default('default'),
  deployments: z.array(z.strictObject({ name: Name, container: Name, image: ImageRef })).min(1).max(8),
  // Rolling a deployment out to one of these images exceeds its progress deadline.
  failing: z.array(z.strictObject({ deployment: Name, image: ImageRef })).max(8).default([]),
});

// A relative path inside /work: no "..", no empty or "." segments, no leading "/". Any other
// byte is allowed (spaces, newlines, quotes: the names scripts get wrong).
const TreePath = z
  .string()
  .min(1)
  .max(200)
  .refine((p) => !p.startsWith('/') && p.split('/').every((part) => part !== '' && part !== '.' && part !== '..') && !p.includes('\0'), 'a relative path inside the work directory');

// `configTest`: what nginx -t (and a reload) answers. In a world with a scratch tree it follows
// the tree, `{ live, broken? }`: the test fails while `live` (a path in it, symlinks followed)
// cannot be read as a regular file, or reads the same as the text `broken` was built with, and
// passes otherwise; it is asked of the jail's supervisor at the call, in every scenario alike, so
// a script cannot learn a scenario's fault before it changes anything (docs/decisions/020). A
// fixed "ok" or "fails" is only for a world without a tree (bash-kit-spec.ts refuses it with one).
const NginxConfigTestSchema = z.union([z.enum(['ok', 'fails']), z.strictObject({ live: TreePath, broken: TreePath.optional() })]);
const NginxSchema = z.strictObject({ configTest: NginxConfigTestSchema });
export type NginxConfigTest = z.output<typeof NginxConfigTestSchema>;
// A real directory tree the supervisor builds in /work before the script starts (file sizes and
// ages as given) and reads back after it ends (tree-supervisor-source.ts).
const TreeSchema = z
  .array(
    z.strictObject({
      path: TreePath,
      kind: z.enum(['file', 'dir', 'symlink']).default('file'),
      bytes: z.number().int().min(0).max(1024 * 1024).default(0),
      ageDays: z.number().min(0).max(3650).default(0),
      target: z.string().min(1).max(200).optional(),
      // A file's text (its size then follows); without it, `bytes` of filler.
      content: z.string().max(4096).optional(),
    }),
  )
  .min(1)
  .max(200)
  .refine((entries) => entries.reduce((sum, e) => sum + e.bytes, 0) <= 4 * 1024 * 1024, 'at most 4 MiB of files in all')
  .refine((entries) => entries.every((e) => (e.kind === 'symlink') === (e.target !== undefined)), 'a symlink, and only a symlink, has a target');

// docker.service must be active for docker to answer (else "Cannot connect to the Docker daemon").
export const WorldSpecSchema = z.strictObject({
  units: UnitsSchema.default({}),
  docker: DockerSchema.optional(),
  http: HttpSchema.default([]),
  kubernetes: KubernetesSchema.optional(),
  nginx: NginxSchema.optional(),
  tree: TreeSchema.optional(),
});
export type WorldSpec = z.output<typeof WorldSpecSchema>;

// What a scenario replaces in its question's world: a part given here replaces that part whole.
export const WorldOverridesSchema = z.strictObject({
  units: UnitsSchema.optional(),
  docker: DockerSchema.optional(),
  http: HttpSchema.optional(),
  kubernetes: KubernetesSchema.optional(),
  nginx: NginxSchema.optional(),
  tree: TreeSchema.optional(),
});
