import { useState } from 'react';
import { Alert, App as AntApp, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { digits, jalali } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { PasswordDialog } from './adminUsers/PasswordDialog';
import { UserDialog } from './adminUsers/UserDialog';
import { roleLabel, roles, type ManagedUser, type Named } from './adminUsers/userModel';

const PAGE_SIZE = 10;

interface UsersPage {
  items: ManagedUser[];
  total: number;
}

/**
 * Users of the local identity store (ADR 48): a paged, filtered table; a new user, each user's role,
 * agency, extension and state, a new password, and clearing failed sign-ins (the lock-out), per row.
 */
export function AdminUsers() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const token = session?.accessToken;
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<{ q: string; role?: string; agency?: string }>({ q: '' });
  // undefined: closed; null: a new user; a user: editing them.
  const [editing, setEditing] = useState<ManagedUser | null | undefined>();
  const [resetting, setResetting] = useState<string | undefined>();

  const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (filter.q.trim()) query.set('q', filter.q.trim().toLowerCase());
  if (filter.role) query.set('role', filter.role);
  if (filter.agency) query.set('agency', filter.agency);
  const users = useQuery({
    queryKey: ['admin-users', query.toString()],
    queryFn: () => api<UsersPage>('GET', `/api/admin/users?${query.toString()}`, { token }),
    placeholderData: (previous) => previous,
  });
  const agencies = useQuery({
    queryKey: ['agencies'],
    queryFn: () => api<{ items: Named[] }>('GET', '/api/routing/agencies', { token }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin-users'] });
  const narrow = (change: Partial<typeof filter>) => {
    setFilter((current) => ({ ...current, ...change }));
    setPage(1);
  };
  const unlock = useMutation({
    mutationFn: (username: string) =>
      api<{ username: string; forgottenFailures: number }>(
        'POST',
        `/api/admin/users/${encodeURIComponent(username)}/unlock`,
        { token },
      ),
    onSuccess: (answer) => {
      void message.success(`${t.unlocked} ${digits(answer.forgottenFailures, lang)} (${answer.username})`);
      void refresh();
    },
  });
  const agencyName = (agency: Named | null) =>
    agency ? (lang === 'fa' ? agency.nameFa : agency.nameEn) : '—';

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t.usersFilter}
          aria-label={t.usersFilter}
          dir="ltr"
          onSearch={(q) => narrow({ q })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          aria-label={t.userRole}
          placeholder={t.anyRole}
          value={filter.role}
          onChange={(role?: string) => narrow({ role })}
          style={{ width: 200 }}
          options={roles.map((r) => ({ value: r, label: roleLabel(t, r) }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={t.userAgency}
          placeholder={t.anyAgency}
          value={filter.agency}
          onChange={(agency?: string) => narrow({ agency })}
          style={{ width: 260 }}
          options={(agencies.data?.items ?? []).map((a) => ({ value: a.code, label: agencyName(a) }))}
        />
        <Button type="primary" onClick={() => setEditing(null)}>
          {t.newUser}
        </Button>
      </Space>
      {users.isError && <Alert type="error" role="alert" message={problemMessage(users.error, lang)} />}
      {unlock.isError && <Alert type="error" role="alert" message={problemMessage(unlock.error, lang)} />}
      <Typography.Text type="secondary" role="status">
        {digits(users.data?.total ?? 0, lang)} {t.usersTotal}
      </Typography.Text>
      <Table<ManagedUser>
        rowKey="username"
        data-testid="admin-users"
        loading={users.isFetching}
        dataSource={users.data?.items ?? []}
        size="small"
        locale={{ emptyText: t.empty }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: users.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
        }}
        columns={[
          { title: t.username, dataIndex: 'username', render: (u: string) => <bdi dir="ltr">{u}</bdi> },
          { title: t.userRole, dataIndex: 'role', render: (role: string) => roleLabel(t, role) },
          { title: t.userAgency, dataIndex: 'agency', render: agencyName },
          {
            title: t.extension,
            dataIndex: 'extension',
            render: (ext: string | null) => (ext ? digits(ext, lang) : '—'),
          },
          {
            title: t.status,
            key: 'state',
            render: (_: unknown, u) => (
              <Space size={4}>
                {u.disabled ? (
                  <Tag color="#a8071a">{t.userDisabled}</Tag>
                ) : (
                  <Tag color="#135200">{t.active}</Tag>
                )}
                {u.locked && <Tag color="#874d00">{t.userLocked}</Tag>}
              </Space>
            ),
          },
          {
            title: t.changedBy,
            key: 'changed',
            // Creation is the first change: a user nobody changed since shows who created them.
            render: (_: unknown, u) => {
              const who = u.changedBy ?? u.createdBy;
              const when = u.changedBy ? u.changedAt : u.createdAt;
              return who ? (
                <>
                  <bdi>{who}</bdi>
                  {lang === 'fa' ? '، ' : ', '}
                  {jalali(when, lang)}
                </>
              ) : (
                '—'
              );
            },
          },
          {
            title: t.actions,
            key: 'actions',
            render: (_: unknown, u) => (
              <Space size={4} wrap>
                <Button size="small" aria-label={`${t.edit}: ${u.username}`} onClick={() => setEditing(u)}>
                  {t.edit}
                </Button>
                <Button
                  size="small"
                  aria-label={`${t.resetPassword}: ${u.username}`}
                  onClick={() => setResetting(u.username)}
                >
                  {t.resetPassword}
                </Button>
                <Button
                  size="small"
                  type={u.locked ? 'primary' : 'default'}
                  loading={unlock.isPending && unlock.variables === u.username}
                  aria-label={`${t.unlockUser}: ${u.username}`}
                  onClick={() => unlock.mutate(u.username)}
                >
                  {t.unlockUser}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <UserDialog
        open={editing !== undefined}
        user={editing ?? undefined}
        agencies={agencies.data?.items ?? []}
        onClose={() => setEditing(undefined)}
        onDone={(saved) => {
          void message.success(editing ? t.userSaved : `${t.userCreated} ${saved.username}`);
          setEditing(undefined);
          void refresh();
        }}
      />
      <PasswordDialog
        username={resetting}
        onClose={() => setResetting(undefined)}
        onDone={(ended) => {
          void message.success(`${t.passwordSet} ${digits(ended, lang)}`);
          setResetting(undefined);
          void refresh();
        }}
      />
    </Space>
  );
}
