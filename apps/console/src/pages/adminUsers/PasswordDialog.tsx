import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api, problemMessage } from '../../api';
import { showFieldProblems } from '../../formProblems';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

/** An administrator's password reset: the old password stops working and the user's sessions end. */
export function PasswordDialog({
  username,
  onDone,
  onClose,
}: {
  username: string | undefined;
  onDone: (endedSessions: number) => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const [form] = Form.useForm<{ password?: string }>();
  const [beside, setBeside] = useState(false);
  const set = useMutation({
    mutationFn: ({ password }: { password?: string }) =>
      api<{ endedSessions: number }>(
        'POST',
        `/api/admin/users/${encodeURIComponent(username ?? '')}/password`,
        {
          token: session?.accessToken,
          body: { password: password ?? '' },
        },
      ),
    onSuccess: (answer) => {
      form.resetFields();
      onDone(answer.endedSessions);
    },
    onError: (error) => setBeside(showFieldProblems(form, error, lang, ['password'])),
  });
  useEffect(() => {
    if (username === undefined) return;
    set.reset();
    form.resetFields();
    // Emptied each time the dialog opens.
  }, [username]);
  return (
    <Modal
      open={username !== undefined}
      title={`${t.resetPassword}: ${username ?? ''}`}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={set.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => set.mutate(values)}>
        <Form.Item label={t.newPassword} name="password">
          <Input.Password dir="ltr" autoComplete="new-password" autoFocus />
        </Form.Item>
        {set.isError && !beside && (
          <Alert type="error" role="alert" message={problemMessage(set.error, lang)} />
        )}
      </Form>
    </Modal>
  );
}
