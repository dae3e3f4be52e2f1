import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api, problemMessage } from '../../api';
import { showFieldProblems } from '../../formProblems';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { isAgencyRole, roleLabel, roles, userFields, type ManagedUser, type Named } from './userModel';

interface UserValues {
  username?: string;
  role?: string;
  agencyCode?: string;
  extension?: string;
  password?: string;
  disabled?: boolean;
}

/**
 * A new user (`user` undefined) or an existing one's role, agency, extension and state. The agency select
 * appears for agency roles only and the extension for operators; the API's refusals show beside the field.
 */
export function UserDialog({
  open,
  user,
  agencies,
  onDone,
  onClose,
}: {
  open: boolean;
  user?: ManagedUser;
  agencies: Named[];
  onDone: (user: ManagedUser) => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const [form] = Form.useForm<UserValues>();
  const [beside, setBeside] = useState(false);
  const role = Form.useWatch('role', form);
  const own = user !== undefined && user.username === session?.username;
  const save = useMutation({
    mutationFn: (values: UserValues) => {
      const standing = {
        role: values.role ?? '',
        agencyCode: isAgencyRole(values.role) ? (values.agencyCode ?? null) : null,
        extension: values.role === 'operator' && values.extension?.trim() ? values.extension.trim() : null,
      };
      return user
        ? api<ManagedUser>('PATCH', `/api/admin/users/${encodeURIComponent(user.username)}`, {
            token: session?.accessToken,
            body: { ...standing, disabled: values.disabled ?? false },
          })
        : api<ManagedUser>('POST', '/api/admin/users', {
            token: session?.accessToken,
            body: {
              username: values.username?.trim() ?? '',
              role: standing.role,
              password: values.password ?? '',
              ...(standing.agencyCode && { agencyCode: standing.agencyCode }),
              ...(standing.extension && { extension: standing.extension }),
            },
          });
    },
    onSuccess: (saved) => {
      form.resetFields();
      onDone(saved);
    },
    onError: (error) =>
      setBeside(
        showFieldProblems(form, error, lang, userFields, {
          USERNAME_TAKEN: { field: 'username', message: problemMessage(error, lang) },
          EXTENSION_TAKEN: { field: 'extension', message: problemMessage(error, lang) },
        }),
      ),
  });

  useEffect(() => {
    if (!open) return;
    save.reset();
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        role: user.role,
        agencyCode: user.agency?.code,
        extension: user.extension ?? undefined,
        disabled: user.disabled,
      });
    }
    // Filled each time the dialog opens, for the user it opens on.
  }, [open, user]);

  const title = user ? `${t.editUser}: ${user.username}` : t.newUser;
  return (
    <Modal
      open={open}
      title={title}
      okText={user ? t.save : t.createUser}
      cancelText={t.cancel}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => save.mutate(values)}>
        {!user && (
          <Form.Item label={t.username} name="username">
            <Input dir="ltr" autoComplete="off" autoFocus />
          </Form.Item>
        )}
        {own && <Typography.Paragraph type="secondary">{t.ownAccountHint}</Typography.Paragraph>}
        <Form.Item label={t.userRole} name="role">
          <Select
            disabled={own}
            showSearch
            optionFilterProp="label"
            options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
          />
        </Form.Item>
        {isAgencyRole(role) && (
          <Form.Item label={t.userAgency} name="agencyCode">
            <Select
              showSearch
              optionFilterProp="label"
              options={agencies.map((a) => ({ value: a.code, label: lang === 'fa' ? a.nameFa : a.nameEn }))}
            />
          </Form.Item>
        )}
        {role === 'operator' && (
          <Form.Item label={t.extension} name="extension">
            <Input dir="ltr" inputMode="numeric" autoComplete="off" style={{ width: 160 }} />
          </Form.Item>
        )}
        {!user && (
          <Form.Item label={t.initialPassword} name="password">
            <Input.Password dir="ltr" autoComplete="new-password" />
          </Form.Item>
        )}
        {user && (
          <Form.Item label={t.disableUser} name="disabled" valuePropName="checked">
            <Switch disabled={own} />
          </Form.Item>
        )}
        {save.isError && !beside && (
          <Alert type="error" role="alert" message={problemMessage(save.error, lang)} />
        )}
      </Form>
    </Modal>
  );
}
