import { Col, Form, Input, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import DatePicker from 'react-multi-date-picker';
import persian from 'react-date-object/calendars/persian';
import persianFa from 'react-date-object/locales/persian_fa';
import persianEn from 'react-date-object/locales/persian_en';
import { api } from '../../api';
import { digits } from '../../format';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';

interface Campaign {
  id: string;
  name: string;
  countyCodes: string[];
  targetOnJalali: string;
}

/** A provincial-trip letter (ADR 28): the open campaign it came in, its number and its Jalali date. */
export function CampaignLetterFields() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const campaigns = useQuery({
    queryKey: ['campaigns', 'open'],
    queryFn: () =>
      api<{ items: Campaign[] }>('GET', '/api/campaigns?status=open', { token: session?.accessToken }),
  });
  const required = [{ required: true, message: t.required }];
  return (
    <>
      <Col xs={24} md={12}>
        <Form.Item label={t.campaign} name="campaignId" rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={campaigns.isLoading}
            notFoundContent={t.noOpenCampaign}
            options={(campaigns.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.name} (${digits(c.targetOnJalali, lang)})`,
            }))}
            data-testid="campaign"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item label={t.letterNumber} name="letterNumber" rules={required}>
          <Input autoComplete="off" data-testid="letterNumber" />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item label={t.letterDate} name="letterDate" rules={required}>
          <DatePicker
            calendar={persian}
            locale={lang === 'fa' ? persianFa : persianEn}
            calendarPosition={lang === 'fa' ? 'bottom-right' : 'bottom-left'}
            inputClass="ant-input"
          />
        </Form.Item>
      </Col>
    </>
  );
}
