/** The damaged PDF of issue 11: the first bytes of every stream overwritten (after its line end and the two bytes of the zlib header). */
export function damagedPdf(pdf: Uint8Array): Uint8Array<ArrayBuffer> {
  const b = Buffer.from(pdf);
  const s = b.toString('latin1');
  for (let i = s.indexOf('stream'); i >= 0; i = s.indexOf('stream', i + 6)) {
    if (s.slice(i - 3, i) === 'end') continue;
    let j = i + 6;
    if (b[j] === 0x0d) j++;
    if (b[j] === 0x0a) j++;
    for (let k = 2; k < 10; k++) b[j + k] = 0x58;
  }
  return new Uint8Array(b);
}
