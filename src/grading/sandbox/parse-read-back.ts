// Parses the launcher's read-back stream: "<name>\n<byte length>\n<bytes>" repeated. Anything in
// the jail could have written to it, so a malformed stream yields what parsed cleanly so far.
export function parseReadBack(stream: Buffer): Record<string, string> {
  const files: Record<string, string> = {};
  let offset = 0;
  while (offset < stream.length) {
    const nameEnd = stream.indexOf(0x0a, offset);
    if (nameEnd < 0) break;
    const sizeEnd = stream.indexOf(0x0a, nameEnd + 1);
    if (sizeEnd < 0) break;
    const name = stream.subarray(offset, nameEnd).toString('utf8');
    const size = Number(stream.subarray(nameEnd + 1, sizeEnd).toString('utf8').trim());
    if (!Number.isInteger(size) || size < 0 || sizeEnd + 1 + size > stream.length) break;
    files[name] = stream.subarray(sizeEnd + 1, sizeEnd + 1 + size).toString('utf8');
    offset = sizeEnd + 1 + size;
  }
  return files;
}
