import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, InputNumber, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import DatePicker, { type DateObject } from 'react-multi-date-picker';
import persian from 'react-date-object/calendars/persian';
import persianFa from 'react-date-object/locales/persian_fa';
import persianEn from 'react-date-object/locales/persian_en';
import { api, problemMessage } from '../api';
import { digits } from '../format';
import { showFieldProblems } from '../formProblems';
import { useI18n } from '../i18n';
import { useSession } from '../session';

interface Holiday {
  date: string;
  dateFa: string;
  gregorianDate: string;
  nameFa: string;
  kind: 'fixed' | 'declared';
  declaredBy?: string;
}

interface DeclareValues {
  date?: DateObject;
  nameFa?: string;
}

/** The Jalali year of today in Tehran, from the browser's own calendar data. */
const thisJalaliYear = (): number =>
  Number(
    new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { timeZone: 'Asia/Tehran', year: 'numeric' })
      .format(new Date())
      .replace(/\D.*$/, ''),
  );

/** Holidays due dates skip: the fixed solar ones and those declared here (a lunar holiday, a closure). */
export function AdminHolidays() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(thisJalaliYear);
  const [form] = Form.useForm<DeclareValues>();
  // Whether the last refusal was shown beside its fields (else as an alert).
  const [beside, setBeside] = useState(false);
  const token = session?.accessToken;
  const holidays = useQuery({
    queryKey: ['admin-holidays', year],
    queryFn: () => api<{ items: Holiday[] }>('GET', `/api/admin/holidays?year=${year}`, { token }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin-holidays'] });
  const declare = useMutation({
    mutationFn: (values: DeclareValues) =>
      api<Holiday>('POST', '/api/admin/holidays', {
        token,
        body: {
          // Latin digits, YYYY/MM/DD; an empty date is the API's to refuse, beside the field.
          date: values.date ? `${values.date.year}/${values.date.month.number}/${values.date.day}` : '',
          nameFa: values.nameFa ?? '',
        },
      }),
    onSuccess: () => {
      form.resetFields();
      void message.success(t.holidayDeclared1);
      void refresh();
    },
    onError: (error) =>
      setBeside(
        showFieldProblems(form, error, lang, ['date', 'nameFa'], {
          HOLIDAY_ALREADY_DECLARED: { field: 'date', message: problemMessage(error, lang) },
        }),
      ),
  });
  const withdraw = useMutation({
    mutationFn: (date: string) => api('DELETE', `/api/admin/holidays/${date}`, { token }),
    onSuccess: () => {
      void message.success(t.withdrawn);
      void refresh();
    },
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Form
        form={form}
        layout="inline"
        requiredMark={false}
        onFinish={(values) => declare.mutate(values)}
        data-testid="declare-holiday"
      >
        <Form.Item label={t.holidayDate} name="date">
          <DatePicker
            calendar={persian}
            locale={lang === 'fa' ? persianFa : persianEn}
            calendarPosition={lang === 'fa' ? 'bottom-right' : 'bottom-left'}
            inputClass="ant-input"
          />
        </Form.Item>
        <Form.Item label={t.holidayName} name="nameFa">
          <Input dir="rtl" style={{ width: 220 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={declare.isPending}>
          {t.declareHoliday}
        </Button>
      </Form>
      {declare.isError && !beside && (
        <Alert type="error" role="alert" message={problemMessage(declare.error, lang)} />
      )}
      {withdraw.isError && <Alert type="error" role="alert" message={problemMessage(withdraw.error, lang)} />}
      <Space>
        <label htmlFor="holiday-year">{t.holidayYear}</label>
        <InputNumber
          id="holiday-year"
          min={1400}
          max={1499}
          value={year}
          onChange={(value) => value && setYear(value)}
          formatter={(value) => digits(value ?? '', lang)}
        />
      </Space>
      {holidays.isError && <Alert type="error" role="alert" message={problemMessage(holidays.error, lang)} />}
      <Table<Holiday>
        rowKey="gregorianDate"
        loading={holidays.isLoading}
        dataSource={holidays.data?.items ?? []}
        pagination={false}
        size="small"
        locale={{ emptyText: t.empty }}
        columns={[
          {
            title: t.holidayDate,
            dataIndex: 'dateFa',
            render: (dateFa: string, h) => (lang === 'fa' ? dateFa : h.date),
          },
          {
            title: t.holidayName,
            dataIndex: 'nameFa',
            render: (name: string) => <span lang="fa">{name}</span>,
          },
          {
            title: t.holidayKind,
            dataIndex: 'kind',
            render: (kind: Holiday['kind']) =>
              kind === 'fixed' ? <Tag>{t.holidayFixed}</Tag> : <Tag color="#0b5394">{t.holidayDeclared}</Tag>,
          },
          { title: t.declaredBy, dataIndex: 'declaredBy', render: (who?: string) => who ?? '—' },
          {
            key: 'withdraw',
            title: t.withdraw,
            render: (_: unknown, h) =>
              h.kind === 'declared' && (
                <Button
                  size="small"
                  danger
                  loading={withdraw.isPending && withdraw.variables === h.date}
                  onClick={() => withdraw.mutate(h.date)}
                  aria-label={`${t.withdraw} ${lang === 'fa' ? h.dateFa : h.date}`}
                >
                  {t.withdraw}
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}
