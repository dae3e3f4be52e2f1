import { Alert, Button, List, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, loadSession, problemMessage, ProblemError } from '../api';
import { digits, jalali } from '../format';
import { useI18n } from '../i18n';

interface Attachment {
  id: string;
  contentType: string;
  size: number;
  addedAt: string;
}

const extensions: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

// The download needs the bearer token, so a plain link cannot carry it: fetch it and hand the browser a blob.
async function download(path: string, filename: string): Promise<void> {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${loadSession()?.accessToken ?? ''}` } });
  if (!res.ok) throw new ProblemError({ status: res.status, ...((await res.json()) as object) });
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** The request's scanned letters and photos (ADR 29), each downloadable; every download is recorded. */
export function RequestAttachments({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const path = `/api/agency/requests/${encodeURIComponent(code)}/attachments`;
  const list = useQuery({
    queryKey: ['attachments', code],
    queryFn: () => api<Attachment[]>('GET', path, { token: loadSession()?.accessToken }),
  });
  const fetchFile = useMutation({
    mutationFn: (file: Attachment) =>
      download(`${path}/${file.id}`, `${code}-${file.id}.${extensions[file.contentType] ?? 'bin'}`),
  });
  return (
    <section style={{ marginTop: 24 }} data-testid="request-attachments">
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t.requestAttachments}
      </Typography.Title>
      {list.isError && <Alert type="error" role="alert" message={problemMessage(list.error, lang)} />}
      {fetchFile.isError && (
        <Alert type="error" role="alert" message={problemMessage(fetchFile.error, lang)} />
      )}
      <List
        loading={list.isLoading}
        locale={{ emptyText: t.noAttachments }}
        dataSource={list.data ?? []}
        renderItem={(file) => (
          <List.Item
            actions={[
              <Button key="download" type="link" onClick={() => fetchFile.mutate(file)}>
                {t.download}
              </Button>,
            ]}
          >
            <bdi>{file.contentType}</bdi> — {digits(Math.ceil(file.size / 1024), lang)} KB —{' '}
            {jalali(file.addedAt, lang)}
          </List.Item>
        )}
      />
    </section>
  );
}
