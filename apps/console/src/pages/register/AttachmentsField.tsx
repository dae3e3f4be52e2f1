import { Button, Form, List } from 'antd';
import { digits } from '../../format';
import { useI18n } from '../../i18n';

// What the API takes (ADR 29): it judges by content; the screen refuses other kinds before sending.
const allowedTypes = ['application/pdf', 'image/jpeg', 'image/png'];
const allowedEndings = /\.(pdf|jpe?g|png)$/i;
export const MAX_REGISTRATION_FILES = 10;

export const isAllowedFile = (file: File): boolean =>
  file.type ? allowedTypes.includes(file.type) : allowedEndings.test(file.name);

interface Props {
  files: File[];
  onChange: (files: File[]) => void;
  /** A refusal to show beside the field: the screen's own, or the API's Problem for a bad file. */
  error?: string;
  onRefused: (message: string | undefined) => void;
}

/** Scanned letters and photos sent with the registration: each listed with its size, removable. */
export function AttachmentsField({ files, onChange, error, onRefused }: Props) {
  const { t, lang } = useI18n();
  const size = (bytes: number) => `${digits((bytes / 1024).toFixed(1), lang)} ${t.kilobytes}`;
  return (
    <Form.Item
      label={t.attachments}
      htmlFor="attachments"
      validateStatus={error ? 'error' : undefined}
      help={error ?? t.attachmentsHint}
    >
      <input
        id="attachments"
        type="file"
        multiple
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        data-testid="attachments"
        onChange={(event) => {
          const chosen = Array.from(event.target.files ?? []);
          event.target.value = ''; // the same file may be chosen again after its removal
          const refused = chosen.filter((f) => !isAllowedFile(f));
          onRefused(
            refused.length > 0 ? `${t.fileTypeRefused} ${refused.map((f) => f.name).join('، ')}` : undefined,
          );
          onChange([...files, ...chosen.filter(isAllowedFile)].slice(0, MAX_REGISTRATION_FILES));
        }}
      />
      {files.length > 0 && (
        <List
          size="small"
          data-testid="attachment-list"
          dataSource={files}
          renderItem={(file, index) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  size="small"
                  danger
                  aria-label={`${t.removeFile} ${file.name}`}
                  onClick={() => onChange(files.filter((_, i) => i !== index))}
                >
                  {t.removeFile}
                </Button>,
              ]}
            >
              <span dir="ltr">{file.name}</span>
              <span>{size(file.size)}</span>
            </List.Item>
          )}
        />
      )}
    </Form.Item>
  );
}
