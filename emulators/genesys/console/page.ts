/** The console page at `/`: placeholder until the full console is served. */
export function consolePage(): string {
  return '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Genesys Cloud emulator</title></head><body><h1>Genesys Cloud emulator</h1></body></html>';
}
