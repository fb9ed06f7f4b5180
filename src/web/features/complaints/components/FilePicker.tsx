// Picks evidence files and holds them until the caller uploads them; refuses, with a reason,
// files of the wrong type or size before a byte is sent.
import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Upload } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPT, checkFile, formatSize } from '../files';

// One UploadFile per File for the picker's lifetime: antd writes the generated thumbnail onto
// the object, so a fresh object every render would regenerate it endlessly.
const entries = new WeakMap<File, UploadFile>();
let nextUid = 0;

function entryOf(file: File): UploadFile {
  let entry = entries.get(file);
  if (!entry) {
    entry = {
      uid: `held-${(nextUid += 1)}`,
      name: file.name,
      size: file.size,
      type: file.type,
      status: 'done',
      // antd types this as RcFile (a File with a uid); it only reads it as a File.
      originFileObj: file as NonNullable<UploadFile['originFileObj']>,
    };
    entries.set(file, entry);
  }
  return entry;
}

interface Props {
  files: readonly File[];
  onChange: (files: File[]) => void;
  disabled?: boolean;
  testId?: string;
  /** The accepted types and sizes; a page with several pickers says it once instead. */
  showHint?: boolean;
}

export function FilePicker({ files, onChange, disabled = false, testId, showHint = true }: Props) {
  const { t } = useTranslation();
  const p = 'portalComplaints.files';
  const [rejected, setRejected] = useState<string[]>([]);
  const batch = useRef<File[] | null>(null);

  const beforeUpload: UploadProps['beforeUpload'] = (file, fileList) => {
    if (batch.current !== fileList) {
      batch.current = fileList;
      setRejected([]);
    }
    const problem = checkFile(file);
    if (!problem) return false; // held, not sent: the caller uploads when the person submits
    const name = file.name;
    const text =
      problem.reason === 'size'
        ? t(`${p}.tooLarge.${problem.kind}`, { name, size: formatSize(file.size) })
        : t(`${p}.${problem.reason === 'type' ? 'badType' : 'empty'}`, { name });
    setRejected((list) => [...list, text]);
    return Upload.LIST_IGNORE;
  };

  return (
    <div className="cx-picker" data-testid={testId}>
      <Upload
        multiple
        accept={ACCEPT}
        listType="picture"
        disabled={disabled}
        fileList={files.map(entryOf)}
        beforeUpload={beforeUpload}
        onChange={({ fileList }) =>
          onChange(fileList.flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])))
        }
        showUploadList={{ showPreviewIcon: false, showDownloadIcon: false }}
      >
        <Button icon={<PaperClipOutlined />} disabled={disabled}>
          {t(`${p}.choose`)}
        </Button>
      </Upload>
      {showHint && <div className="cx-hint">{t(`${p}.hint`)}</div>}
      {rejected.length > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="file-rejected"
          style={{ marginTop: 8 }}
          title={
            rejected.length === 1 ? (
              rejected[0]
            ) : (
              <ul className="cx-plain-list">
                {rejected.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            )
          }
          closable={{ onClose: () => setRejected([]) }}
        />
      )}
    </div>
  );
}
