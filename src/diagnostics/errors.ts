/** The {code, message} of anything a worker request rejected with (AppError carries a code). */
export function errorOf(error: unknown): { code: string; message: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === 'string' ? code : 'unknown', message: error.message };
  }
  return { code: 'unknown', message: String(error) };
}
