/** The side panel's few page-level effects: save a file, copy text. */
import { download } from '@/components/common/download';

export function downloadJson(fileName: string, data: unknown): void {
  download(fileName, `${JSON.stringify(data, null, 2)}\n`, 'application/json');
}

/** true when the text reached the clipboard. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
