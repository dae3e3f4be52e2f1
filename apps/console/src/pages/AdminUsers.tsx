import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { digits } from '../format';
import { showFieldProblems } from '../formProblems';
import { useI18n } from '../i18n';
import { useSession } from '../session';

/** Users of the local identity store: clear a username's failed sign-ins (the lock-out) at once. */
export function AdminUsers() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const [form] = Form.useForm<{ username?: string }>();
  const [beside, setBeside] = useState(false);
  const unlock = useMutation({
    mutationFn: ({ username }: { username?: string }) =>
      api<{ username: string; forgottenFailures: number }>(
        'POST',
        `/api/admin/users/${encodeURIComponent((username ?? '').trim() || ' ')}/unlock`,
        { token: session?.accessToken },
      ),
    onError: (error) => setBeside(showFieldProblems(form, error, lang, ['username'])),
  });
  return (
    <>
      <Typography.Paragraph>{t.unlockHint}</Typography.Paragraph>
      <Form form={form} layout="inline" requiredMark={false} onFinish={(values) => unlock.mutate(values)}>
        <Form.Item label={t.username} name="username">
          <Input dir="ltr" autoComplete="off" style={{ width: 220 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={unlock.isPending}>
          {t.unlockUser}
        </Button>
      </Form>
      {unlock.isSuccess && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          role="status"
          message={`${t.unlocked} ${digits(unlock.data.forgottenFailures, lang)} (${unlock.data.username})`}
        />
      )}
      {unlock.isError && !beside && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          role="alert"
          message={problemMessage(unlock.error, lang)}
        />
      )}
    </>
  );
}
