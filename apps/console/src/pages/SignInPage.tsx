import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, problemMessage, type Session } from '../api';
import { useI18n } from '../i18n';
import { homeOf, useSession } from '../session';

interface LoginAnswer {
  accessToken: string;
  refreshToken: string;
  role: string;
  agencyCode?: string;
}

export function SignInPage() {
  const { t, lang } = useI18n();
  const { setSession } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const login = useMutation({
    mutationFn: (values: { username: string; password: string }) =>
      api<LoginAnswer>('POST', '/api/auth/login', { body: values }).then((answer): Session => ({
        username: values.username,
        ...answer,
      })),
    onSuccess: (session) => {
      setSession(session);
      navigate(from ?? homeOf(session.role), { replace: true });
    },
  });
  return (
    <Card style={{ maxWidth: 420, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.signInTitle}
      </Typography.Title>
      <Form layout="vertical" onFinish={(values) => login.mutate(values)} requiredMark={false}>
        <Form.Item label={t.username} name="username" rules={[{ required: true, message: t.required }]}>
          <Input autoFocus autoComplete="username" dir="ltr" />
        </Form.Item>
        <Form.Item label={t.password} name="password" rules={[{ required: true, message: t.required }]}>
          <Input.Password autoComplete="current-password" dir="ltr" />
        </Form.Item>
        {login.isError && (
          <Alert
            type="error"
            role="alert"
            message={problemMessage(login.error, lang)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={login.isPending} block>
          {t.signIn}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t.demoHint}
      </Typography.Paragraph>
    </Card>
  );
}
