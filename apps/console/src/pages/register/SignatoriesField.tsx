import { Button, Card, Col, Form, Input, Row, type InputRef } from 'antd';
import { useEffect, useRef } from 'react';
import { digits } from '../../format';
import { useI18n } from '../../i18n';
import { citizenRules } from './citizenRules';

export interface Signatory {
  nationalCode: string;
  mobile: string;
  fullName: string;
}

/**
 * The further citizens of a collective request, each checked like the caller. Adding one moves the focus
 * to its national code, so a list is typed without leaving the keyboard.
 */
export function SignatoriesField() {
  const { t, lang } = useI18n();
  const rules = citizenRules(t);
  const newest = useRef<InputRef>(null);
  const added = useRef(false);
  const count = Form.useWatch<Signatory[] | undefined>('signatories')?.length ?? 0;

  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    newest.current?.focus();
  }, [count]);

  return (
    <Form.List name="signatories">
      {(fields, { add, remove }) => (
        <Card size="small" title={t.signatories} data-testid="signatories" style={{ marginBottom: 16 }}>
          {fields.map((field, index) => {
            const label = (text: string) => `${text} (${t.signatory} ${digits(index + 2, lang)})`;
            return (
              <Row gutter={16} key={field.key} align="bottom" data-testid={`signatory-${index}`}>
                <Col xs={24} md={7}>
                  <Form.Item
                    label={label(t.nationalCode)}
                    name={[field.name, 'nationalCode']}
                    rules={rules.nationalCode}
                  >
                    <Input
                      ref={index === fields.length - 1 ? newest : undefined}
                      inputMode="numeric"
                      autoComplete="off"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={7}>
                  <Form.Item label={label(t.mobile)} name={[field.name, 'mobile']} rules={rules.mobile}>
                    <Input inputMode="tel" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={7}>
                  <Form.Item label={label(t.fullName)} name={[field.name, 'fullName']} rules={rules.fullName}>
                    <Input autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={3}>
                  <Form.Item>
                    <Button danger onClick={() => remove(field.name)} aria-label={label(t.removeSignatory)}>
                      {t.removeSignatory}
                    </Button>
                  </Form.Item>
                </Col>
              </Row>
            );
          })}
          <Button
            onClick={() => {
              added.current = true;
              add({ nationalCode: '', mobile: '', fullName: '' });
            }}
            data-testid="add-signatory"
          >
            {t.addSignatory}
          </Button>
        </Card>
      )}
    </Form.List>
  );
}
