/**
 * Where the add-in runs, as far as it changes what the pane offers. Excel for Mac and Excel on
 * iPad (Office.PlatformType "Mac", "iOS") drop a task pane's Blob downloads without a word, so
 * there the pane offers the content to copy instead of a download link.
 */

/** Office.context.platform, or undefined outside Office. */
export function currentPlatform(): string | undefined {
  try {
    return typeof Office !== 'undefined' && Office.context?.platform ? String(Office.context.platform) : undefined;
  } catch {
    return undefined;
  }
}

/** True where a download from the pane is silently dropped: Mac and iPad (iOS). */
export function downloadsDropped(platform: string | undefined = currentPlatform()): boolean {
  return platform === 'Mac' || platform === 'iOS';
}
