/** qrcode's encoder alone (lib/core/qrcode.js): its package entry would bundle the PNG and terminal renderers too. */
declare module 'qrcode/lib/core/qrcode.js' {
  export function create(
    text: string,
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' },
  ): { modules: { size: number; data: Uint8Array; get(row: number, col: number): number } }
}
