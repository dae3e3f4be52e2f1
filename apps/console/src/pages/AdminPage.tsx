import { Card, Tabs, Typography } from 'antd';
import { useI18n } from '../i18n';
import { AdminHolidays } from './AdminHolidays';
import { AdminDeadlines } from './AdminDeadlines';
import { AdminRules } from './AdminRules';
import { AdminOpen311 } from './AdminOpen311';
import { AdminUsers } from './AdminUsers';

/** The administrator's screen: the working calendar, routing rules, Open311 clients and the users (ADR 48). */
export function AdminPage() {
  const { t } = useI18n();
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t.adminTitle}
      </Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'holidays', label: t.adminHolidays, children: <AdminHolidays /> },
          { key: 'deadlines', label: t.adminDeadlines, children: <AdminDeadlines /> },
          { key: 'rules', label: t.adminRules, children: <AdminRules /> },
          { key: 'open311', label: t.adminOpen311, children: <AdminOpen311 /> },
          { key: 'users', label: t.adminUsers, children: <AdminUsers /> },
        ]}
      />
    </Card>
  );
}
