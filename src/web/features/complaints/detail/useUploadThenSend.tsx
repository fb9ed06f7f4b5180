// The appeal and the materials cards do the same thing: new files (uploaded first, so the
// server sees them as new evidence) and/or a text, then one request. This is that flow once.
import { Alert, App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/formErrors';
import { UploadFailures, UploadProgress } from '../components/UploadProgress';
import { useEvidenceUpload } from '../useEvidenceUpload';

interface Options {
  number: string;
  /** Sends the text (undefined when blank) after the files are on the complaint. */
  send: (text: string | undefined) => Promise<unknown>;
  sending: boolean;
  /** i18n prefix with `needSomething` and `done`. */
  prefix: string;
}

export function useUploadThenSend({ number, send, sending, prefix }: Options) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [files, setFiles] = useState<File[]>([]);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const uploader = useEvidenceUpload();
  const busy = uploader.state.running || sending;

  const submit = async () => {
    setProblem(null);
    if (files.length === 0 && !text.trim()) {
      setProblem(t(`${prefix}.needSomething`));
      return;
    }
    if (files.length > 0) {
      const failures = await uploader.run(number, [{ key: null, files }]);
      // What went through is on the complaint now; keep only what still needs sending.
      setFiles(failures.flatMap((f) => f.files));
      if (failures.length > 0) return;
    }
    try {
      await send(text.trim() || undefined);
      void message.success(t(`${prefix}.done`));
    } catch (error) {
      setProblem(errorMessage(error, t));
    }
  };

  return { files, setFiles, text, setText, problem, busy, uploadState: uploader.state, submit };
}

/** Progress, per-file failures, the problem and the submit button under such a card. */
export function UploadThenSendFooter({
  flow,
  label,
  testId,
}: {
  flow: ReturnType<typeof useUploadThenSend>;
  label: string;
  testId: string;
}) {
  return (
    <>
      <UploadProgress state={flow.uploadState} />
      <UploadFailures failures={flow.uploadState.failures} />
      {flow.problem && (
        <Alert type="error" showIcon title={flow.problem} role="alert" className="cx-gap" />
      )}
      <Button
        type="primary"
        size="large"
        block
        loading={flow.busy}
        onClick={() => void flow.submit()}
        className="cx-gap"
        data-testid={testId}
      >
        {label}
      </Button>
    </>
  );
}
