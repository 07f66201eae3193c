// docker pull / images / image inspect / tag / rmi, modelled on the real CLI's output and exit
// codes. The pull fault is applied here: 'fails' errors out, 'no-image' reports success but
// leaves nothing behind (the case a script's own verification has to catch).
import { hasOption, optionValue, parseCliArgs } from './parse-cli-args';
import { inspectJson } from './inspect-json';
import { findImage, makeImage, MAX_IMAGES, MAX_REFS_PER_IMAGE, normalizeRef, type DeployWorld, type Image } from './deploy-world';
import { renderDockerFormat } from './render-docker-format';
import { reply, type ToolReply } from '../tool-reply';

const shortId = (image: Image) => image.id.slice('sha256:'.length, 'sha256:'.length + 12);
const repoOf = (ref: string) => ref.slice(0, ref.lastIndexOf(':'));
const tagOf = (ref: string) => ref.slice(ref.lastIndexOf(':') + 1);
// "registry.example.com/team/myapp" -> "team/myapp": a first part with a dot is a registry host.
const withoutRegistry = (repo: string) => {
  const slash = repo.indexOf('/');
  return slash > 0 && repo.slice(0, slash).includes('.') ? repo.slice(slash + 1) : repo;
};

export function imageJson(image: Image) {
  return {
    Id: image.id,
    RepoTags: image.refs,
    RepoDigests: image.refs.map((ref) => `${repoOf(ref)}@${image.digest}`),
    Created: image.created,
    Size: 89_342_112,
    Config: { Image: '', Labels: {}, Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] },
  };
}

export function dockerPull(world: DeployWorld, args: string[]): ToolReply {
  const parsed = parseCliArgs(args, new Set(['--platform']));
  const ref = parsed.positionals[0];
  if (!ref) return reply(1, '', '"docker pull" requires exactly 1 argument.\nSee \'docker pull --help\'.\n');
  const normalized = normalizeRef(ref);
  if (world.faults.pull === 'fails') {
    return reply(1, '', `Error response from daemon: manifest for ${normalized} not found: manifest unknown: manifest unknown\n`);
  }
  let image = findImage(world, normalized);
  if (!image && world.images.length >= MAX_IMAGES) return reply(1, '', `Error response from daemon: this host holds at most ${MAX_IMAGES} images (a limit of the grader's model)\n`);
  if (!image && world.faults.pull !== 'no-image') {
    image = makeImage(normalized);
    world.images.push(image);
  }
  const digest = image?.digest ?? makeImage(normalized).digest;
  if (hasOption(parsed, '-q', '--quiet')) return reply(0, `${normalized}\n`);
  return reply(0, `${tagOf(normalized)}: Pulling from ${withoutRegistry(repoOf(normalized))}\nDigest: ${digest}\nStatus: Downloaded newer image for ${normalized}\n${normalized}\n`);
}

export function dockerImages(world: DeployWorld, args: string[]): ToolReply {
  const parsed = parseCliArgs(args, new Set(['-f', '--filter', '--format']));
  const wanted = [parsed.positionals[0], ...(parsed.options.get('-f') ?? []), ...(parsed.options.get('--filter') ?? [])]
    .filter((x): x is string => Boolean(x))
    .map((x) => x.replace(/^reference=/, ''))
    .filter((x) => !x.includes('='));
  const matches = (ref: string) =>
    wanted.every((w) => (w.includes(':') && !w.endsWith(':') ? normalizeRef(w) === ref : repoOf(ref) === w || ref.startsWith(`${w}:`)));
  const rows = world.images.flatMap((image) => image.refs.filter(matches).map((ref) => ({ image, ref })));
  if (hasOption(parsed, '-q', '--quiet')) return reply(0, [...new Set(rows.map((r) => shortId(r.image)))].map((id) => `${id}\n`).join(''));
  const format = optionValue(parsed, '--format');
  const items = rows.map(({ image, ref }) => ({ Repository: repoOf(ref), Tag: tagOf(ref), ID: shortId(image), Digest: image.digest, CreatedSince: '2 hours ago', Size: '89.3MB' }));
  if (format) return reply(0, renderDockerFormat(format, items));
  const header = 'REPOSITORY                           TAG       IMAGE ID       CREATED       SIZE\n';
  return reply(0, header + items.map((i) => `${i.Repository.padEnd(36)} ${i.Tag.padEnd(9)} ${i.ID}   2 hours ago   89.3MB\n`).join(''));
}

export function dockerImageInspect(world: DeployWorld, args: string[], noun: 'image' | 'object'): ToolReply {
  const parsed = parseCliArgs(args, new Set(['-f', '--format', '--type']));
  if (parsed.positionals.length === 0) return reply(1, '', '"docker image inspect" requires at least 1 argument.\n');
  const found: Image[] = [];
  let err = '';
  for (const ref of parsed.positionals) {
    const image = findImage(world, ref);
    if (image) found.push(image);
    else err += noun === 'image' ? `Error response from daemon: No such image: ${ref}\n` : `Error: No such object: ${ref}\n`;
  }
  const format = optionValue(parsed, '-f', '--format');
  // Each image's JSON is built once, however many times the call names it.
  const built = new Map<Image, ReturnType<typeof imageJson>>();
  const items = found.map((image) => built.get(image) ?? built.set(image, imageJson(image)).get(image)!);
  const out = format ? renderDockerFormat(format, items) : inspectJson(items);
  return reply(err ? 1 : 0, out, err);
}

export function dockerTag(world: DeployWorld, args: string[]): ToolReply {
  const [source, target] = parseCliArgs(args, new Set()).positionals;
  if (!source || !target) return reply(1, '', '"docker tag" requires exactly 2 arguments.\n');
  const image = findImage(world, source);
  if (!image) return reply(1, '', `Error response from daemon: No such image: ${source}\n`);
  const ref = normalizeRef(target);
  if (!image.refs.includes(ref) && image.refs.length >= MAX_REFS_PER_IMAGE) return reply(1, '', `Error response from daemon: an image holds at most ${MAX_REFS_PER_IMAGE} tags here (a limit of the grader's model)\n`);
  for (const other of world.images) other.refs = other.refs.filter((r) => r !== ref);
  image.refs.push(ref);
  return reply(0);
}

export function dockerRmi(world: DeployWorld, args: string[]): ToolReply {
  const parsed = parseCliArgs(args, new Set());
  const force = hasOption(parsed, '-f', '--force');
  let out = '';
  let err = '';
  for (const ref of parsed.positionals) {
    const image = findImage(world, ref);
    if (!image) {
      err += `Error response from daemon: No such image: ${ref}\n`;
      continue;
    }
    const user = world.containers.find((c) => c.imageId === image.id);
    if (user && !force) {
      err += `Error response from daemon: conflict: unable to remove repository reference "${ref}" (must force) - container ${user.id.slice(0, 12)} is using its referenced image ${image.id.slice(7, 19)}\n`;
      continue;
    }
    image.refs = image.refs.filter((r) => r !== normalizeRef(ref));
    if (image.refs.length === 0) world.images = world.images.filter((i) => i !== image);
    out += `Untagged: ${normalizeRef(ref)}\n`;
  }
  return reply(err ? 1 : 0, out, err);
}
