// 文件下载 on the complainant's complaint page: the progress report (any time) and, once there is a
// result, the receipt (处理回执) as PDFs. Fetched rather than linked so the button can spin while
// the server draws the PDF and a refusal shows its message instead of a broken download.
import { FileDoneOutlined, FileTextOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { currentLang } from '../../app/i18n';
import type { ComplaintDetail } from '../../app/types';
import { errorMessage } from '../../shared/formErrors';
import './notifications.css';

type Doc = 'progress' | 'receipt';

const PATH: Record<Doc, string> = {
  progress: 'progress-report.pdf',
  receipt: 'receipt.pdf',
};

/** Whether a result (resolve or reject) was ever given: the server issues receipts for those. */
export function hasResult(complaint: ComplaintDetail): boolean {
  return complaint.timeline.some((e) => e.action === 'resolve' || e.action === 'reject');
}

function fileName(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  return match?.[1] ?? fallback;
}

async function download(number: string, doc: Doc): Promise<void> {
  const url = `/api/v1/complaints/${encodeURIComponent(number)}/${PATH[doc]}`;
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'application/pdf, application/json', 'Accept-Language': currentLang() },
    });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : '');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? `http_${response.status}`,
      body?.error?.message ?? '',
    );
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName(response.headers.get('content-disposition'), `${doc}-${number}.pdf`);
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download manager; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(href), 1_000);
}

export function ComplaintDocuments({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Doc | null>(null);
  // The server is the judge: a 409 receipt_not_issued hides the button until a result comes.
  const [noReceipt, setNoReceipt] = useState(false);
  const p = 'notifications.docs';
  const showReceipt = hasResult(complaint) && !noReceipt;

  const start = (doc: Doc) => {
    setBusy(doc);
    download(complaint.number, doc)
      .then(() => void message.success(t(`${p}.downloaded`)))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'receipt_not_issued') setNoReceipt(true);
        void message.error(errorMessage(error, t));
      })
      .finally(() => setBusy(null));
  };

  return (
    <Card size="small" title={t(`${p}.title`)} data-testid="complaint-documents">
      <p className="nt-docs-intro">{t(`${p}.intro`)}</p>
      <div className="nt-docs">
        <Button
          icon={<FileTextOutlined />}
          loading={busy === 'progress'}
          onClick={() => start('progress')}
          data-testid="download-progress"
        >
          {t(`${p}.progress`)}
        </Button>
        {showReceipt ? (
          <Button
            type="primary"
            icon={<FileDoneOutlined />}
            loading={busy === 'receipt'}
            onClick={() => start('receipt')}
            data-testid="download-receipt"
          >
            {t(`${p}.receipt`)}
          </Button>
        ) : (
          <span className="nt-muted" data-testid="receipt-pending">
            {t(`${p}.receiptPending`)}
          </span>
        )}
      </div>
    </Card>
  );
}
