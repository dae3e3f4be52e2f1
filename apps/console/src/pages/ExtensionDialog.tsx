import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import DatePicker, { type DateObject } from 'react-multi-date-picker';
import persian from 'react-date-object/calendars/persian';
import persianFa from 'react-date-object/locales/persian_fa';
import persianEn from 'react-date-object/locales/persian_en';
import { problemMessage } from '../api';
import { showFieldProblems } from '../formProblems';
import { useI18n } from '../i18n';

interface ExtensionValues {
  reason?: string;
  proposedDueAt?: DateObject;
}

// Offices close at 14:00 in Tehran (no daylight saving since 1401): the proposed day ends then.
const endOfWorkingDay = (day: DateObject): string => {
  const date = day.toDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T14:00:00+03:30`;
};

/** Asking a supervisor for more time: a reason and a Jalali due date; the API's refusals beside each field. */
export function ExtensionDialog({
  open,
  send,
  onDone,
  onClose,
}: {
  open: boolean;
  send: (body: { reason: string; proposedDueAt: string }) => Promise<unknown>;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<ExtensionValues>();
  const [beside, setBeside] = useState(false);
  const action = useMutation({
    // Empty fields go as they are: the API says what is missing, beside the field.
    mutationFn: (values: ExtensionValues) =>
      send({
        reason: values.reason ?? '',
        proposedDueAt: values.proposedDueAt ? endOfWorkingDay(values.proposedDueAt) : '',
      }),
    onSuccess: () => {
      form.resetFields();
      onDone();
    },
    onError: (error) => setBeside(showFieldProblems(form, error, lang, ['reason', 'proposedDueAt'])),
  });
  return (
    <Modal
      open={open}
      title={t.askExtension}
      okText={t.send}
      cancelText={t.cancel}
      confirmLoading={action.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form<ExtensionValues>
        form={form}
        name="extension" // field ids apart from the Return dialog's own `reason`
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => action.mutate(values)}
      >
        <Form.Item label={t.extensionReason} name="reason">
          <Input.TextArea rows={4} autoFocus />
        </Form.Item>
        <Form.Item label={t.proposedDue} name="proposedDueAt">
          <DatePicker
            calendar={persian}
            locale={lang === 'fa' ? persianFa : persianEn}
            calendarPosition={lang === 'fa' ? 'bottom-right' : 'bottom-left'}
            inputClass="ant-input"
            minDate={new Date()}
          />
        </Form.Item>
        {action.isError && !beside && (
          <Alert type="error" role="alert" message={problemMessage(action.error, lang)} />
        )}
      </Form>
    </Modal>
  );
}
