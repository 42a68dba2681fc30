/**
 * A minimal PDF 1.4 writer: one A4 page of Helvetica text lines, with a correct cross-reference
 * table, so the sandbox's reports open in any viewer and pass a structural check.
 */

export interface PdfLine {
  text: string;
  /** Font size in points. @default 12 */
  size?: number;
}

/** PDF string literal escaping; characters outside Latin-1 become `?` (Helvetica's encoding is Latin-1-ish). */
function pdfString(text: string): string {
  const latin1 = text.replace(/[^\u0020-\u00ff]/g, '?');
  return `(${latin1.replace(/[\\()]/g, (char) => `\\${char}`)})`;
}

function contentStream(lines: PdfLine[]): string {
  const parts = ['BT', '56 780 Td'];
  for (const [i, line] of lines.entries()) {
    const size = line.size ?? 12;
    if (i > 0) parts.push(`0 -${Math.round(size * 1.6)} Td`);
    parts.push(`/F1 ${size} Tf`, `${pdfString(line.text)} Tj`);
  }
  parts.push('ET');
  return parts.join('\n');
}

export function writeSinglePagePdf(lines: PdfLine[], title: string): Buffer {
  const content = Buffer.from(contentStream(lines), 'latin1');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content.toString('latin1')}\nendstream`,
    `<< /Title ${pdfString(title)} /Producer (rentgraph sandbox) >>`,
  ];
  // The binary comment line tells transfer tools the file is binary, as the PDF spec recommends.
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(offset);
    const chunk = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    chunks.push(chunk);
    offset += chunk.length;
  }
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    // Each entry is exactly 20 bytes: ten digits, space, five digits, space, type, CR LF.
    '0000000000 65535 f\r',
    ...offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n\r`),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>`,
    'startxref',
    String(offset),
    '%%EOF\n',
  ].join('\n');
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
}
