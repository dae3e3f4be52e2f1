import { ProblemError, loadSession, refreshAccessToken, type Problem } from './api';

const fileNameOf = (disposition: string | null): string | undefined => {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star) return decodeURIComponent(star[1]);
  return /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1];
};

/**
 * Downloads a report with the bearer token (a plain link could not carry it): fetch, blob, object URL, a
 * click on a temporary link. `fallbackName` names the file when the answer does not.
 */
export async function downloadFile(path: string, accept: string, fallbackName: string): Promise<void> {
  const send = (token: string | undefined) =>
    fetch(path, { headers: { Accept: accept, ...(token && { Authorization: `Bearer ${token}` }) } });
  let res = await send(loadSession()?.accessToken);
  if (res.status === 401) {
    const renewed = await refreshAccessToken();
    if (renewed) res = await send(renewed);
  }
  if (!res.ok) {
    const text = await res.text();
    const body = (text.startsWith('{') ? JSON.parse(text) : {}) as Partial<Problem>;
    throw new ProblemError({ ...body, status: res.status });
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
