import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api, problemMessage } from '../api';
import { groupedCode } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';

export interface MergePair {
  /** The request that stays open. */
  kept: string;
  /** The request closed as its duplicate; looking it up leads to the kept one. */
  merged: string;
}

/** Confirms a merge (POST /api/requests/{merged}/merge): which one stays, which one closes, swappable. */
export function MergeDialog({
  pair,
  onSwap,
  onClose,
  onMerged,
}: {
  pair: MergePair | undefined;
  onSwap: () => void;
  onClose: () => void;
  onMerged: (merged: string, kept: string) => void;
}) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const merge = useMutation({
    mutationFn: ({ kept, merged }: MergePair) =>
      api<{ trackingCode: string; survivorCode: string }>('POST', `/api/requests/${merged}/merge`, {
        token: session?.accessToken,
        body: { survivorCode: kept },
      }),
    onSuccess: (answer) => {
      merge.reset();
      onMerged(answer.trackingCode, answer.survivorCode);
    },
  });
  return (
    <Modal
      open={pair !== undefined}
      title={t.mergeTitle}
      okText={t.merge}
      cancelText={t.cancel}
      confirmLoading={merge.isPending}
      onOk={() => pair && merge.mutate(pair)}
      onCancel={() => {
        merge.reset();
        onClose();
      }}
      destroyOnHidden
    >
      {pair && (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              {
                key: 'kept',
                label: t.keptRequest,
                children: <span data-testid="merge-kept">{groupedCode(pair.kept, lang)}</span>,
              },
              {
                key: 'merged',
                label: t.mergedRequest,
                children: <span data-testid="merge-merged">{groupedCode(pair.merged, lang)}</span>,
              },
            ]}
          />
          <Button style={{ marginTop: 12 }} onClick={onSwap} disabled={merge.isPending}>
            {t.swap}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t.mergeExplain}
          </Typography.Paragraph>
          {merge.isError && <Alert type="error" role="alert" message={problemMessage(merge.error, lang)} />}
        </>
      )}
    </Modal>
  );
}
