import { Card, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n';

export function HomePage() {
  const { t } = useI18n();
  return (
    <Card>
      <Typography.Title level={1}>{t.homeTitle}</Typography.Title>
      <Typography.Paragraph>{t.appTagline}</Typography.Paragraph>
      <Space direction="vertical">
        <Link to="/sign-in">{t.homeStaff}</Link>
        <Link to="/track">{t.homeCitizen}</Link>
        <Typography.Text type="secondary">{t.demoHint}</Typography.Text>
      </Space>
    </Card>
  );
}
