import { Alert, Button, List, Tag } from 'antd';
import { groupedCode, jalali } from '../../format';
import { useI18n, vocabulary } from '../../i18n';

export interface OpenRequest {
  trackingCode: string;
  status: string;
  statusFa: string;
  category: { nameFa: string; nameEn: string };
  registeredAt: string;
}

interface Props {
  duplicates: OpenRequest[];
  /** The tracking code being recorded, while it is. */
  recording?: string;
  onFollowUp: (trackingCode: string) => void;
}

/**
 * ADR 27: before a new request is registered, the caller's open requests in the same category and county,
 * each with the option to record this call as its follow-up instead.
 */
export function FollowUpOffer({ duplicates, recording, onFollowUp }: Props) {
  const { t, lang } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="possible-duplicates"
      style={{ marginBottom: 16 }}
      message={t.openDuplicates}
      description={
        <>
          <p>{t.openDuplicatesHint}</p>
          <List
            size="small"
            dataSource={duplicates}
            renderItem={(item) => (
              <List.Item
                actions={[
                  <FollowUpButton
                    key="follow-up"
                    trackingCode={item.trackingCode}
                    recording={recording}
                    onFollowUp={onFollowUp}
                  />,
                ]}
              >
                <span dir="ltr">{groupedCode(item.trackingCode, lang)}</span>
                <span>{lang === 'fa' ? item.category.nameFa : item.category.nameEn}</span>
                <Tag color="#0b5394">
                  {lang === 'fa' ? item.statusFa : (vocabulary[item.status]?.en ?? item.status)}
                </Tag>
                <span>{jalali(item.registeredAt, lang)}</span>
              </List.Item>
            )}
          />
        </>
      }
    />
  );
}

/** Records the call as a follow-up of one request; its accessible name says which. */
export function FollowUpButton({
  trackingCode,
  recording,
  onFollowUp,
}: {
  trackingCode: string;
  recording?: string;
  onFollowUp: (trackingCode: string) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <Button
      size="small"
      loading={recording === trackingCode}
      aria-label={`${t.recordFollowUp} ${groupedCode(trackingCode, lang)}`}
      data-testid={`follow-up-${trackingCode}`}
      onClick={() => onFollowUp(trackingCode)}
    >
      {t.recordFollowUp}
    </Button>
  );
}
