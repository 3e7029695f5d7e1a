/**
 * Why a path cannot be used, in words, from a Node file-system error or its code (#21):
 * "no such file or directory" for a loop of symbolic links, or for a file behind a folder
 * that may not be entered, sent users looking for a typo.
 */
export function describeFsError(err: unknown): string {
  const code = typeof err === 'string' ? err : (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied, ${code}`;
    case 'ELOOP':
      return 'a loop of symbolic links, ELOOP';
    case 'ENOENT':
      return 'no such file or directory, ENOENT';
    case 'EISDIR':
      return 'a directory, EISDIR';
    case undefined:
      return (err as Error)?.message ?? String(err);
    default:
      return code;
  }
}
