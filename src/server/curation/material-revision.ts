// What a material editor started from: the newest version's id and a fingerprint of its material.
// Another tab's save changes one or the other (a new draft version, or the draft's material), so
// a save based on an older revision is refused instead of overwriting that save.
import { materialHash } from './material-hash';
import type { Material } from './schemas';

export function materialRevision(versionId: string, material: Material): string {
  return `${versionId}:${materialHash(material).slice(0, 32)}`;
}
