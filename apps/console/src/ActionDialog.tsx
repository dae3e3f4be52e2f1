import { Alert, Form, Input, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { fieldErrors, problemMessage } from './api';
import { useI18n } from './i18n';

export interface ActionField {
  name: string;
  label: string;
  multiline?: boolean;
}

/** One agency action as a dialog: its fields, sent as is; the API's Problem Details shown next to each field. */
export function ActionDialog({
  open,
  title,
  fields,
  send,
  onDone,
  onClose,
}: {
  open: boolean;
  title: string;
  fields: ActionField[];
  send: (values: Record<string, string>) => Promise<unknown>;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Record<string, string>>();
  const action = useMutation({
    mutationFn: (values: Record<string, string>) =>
      send(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''))),
    onSuccess: () => {
      form.resetFields();
      onDone();
    },
    onError: (error) =>
      form.setFields(
        Object.entries(fieldErrors(error, lang))
          .filter(([field]) => fields.some((f) => f.name === field))
          .map(([field, messages]) => ({ name: field, errors: messages })),
      ),
  });
  const fieldProblems = Object.keys(fieldErrors(action.error)).length > 0;
  return (
    <Modal
      open={open}
      title={title}
      okText={t.send}
      cancelText={t.cancel}
      confirmLoading={action.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => action.mutate(values)}>
        {fields.map((field, i) => (
          <Form.Item key={field.name} label={field.label} name={field.name}>
            {field.multiline ? (
              <Input.TextArea rows={4} autoFocus={i === 0} />
            ) : (
              <Input autoFocus={i === 0} />
            )}
          </Form.Item>
        ))}
        {action.isError && !fieldProblems && (
          <Alert type="error" role="alert" message={problemMessage(action.error, lang)} />
        )}
      </Form>
    </Modal>
  );
}
