// One entry's history: who changed what and when, each change as a before/after of its fields.
import { Drawer, Empty, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../shared/QueryState';
import { useFormatDateTime } from '../../shared/text';
import { useKbHistory, type KbAction } from './api';

export const ACTION_COLOUR: Record<KbAction, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  import: 'purple',
};

function show(value: unknown, t: (key: string) => string): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('assistant.kb.on') : t('assistant.kb.off');
  if (Array.isArray(value)) return value.map(String).join('\n') || '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number);
}

/** A list (the other wordings) shows what was added and removed; anything else before/after. */
function Diff({ from, to }: { from: unknown; to: unknown }) {
  const { t } = useTranslation();
  if (Array.isArray(from) && Array.isArray(to)) {
    const before = from.map(String);
    const after = to.map(String);
    const removed = before.filter((x) => !after.includes(x));
    const added = after.filter((x) => !before.includes(x));
    return (
      <span className="kb-diff-values" data-testid="kb-diff">
        {removed.map((x) => (
          <span key={`-${x}`} className="kb-diff-from">
            − {x}
          </span>
        ))}
        {added.map((x) => (
          <span key={`+${x}`} className="kb-diff-to">
            + {x}
          </span>
        ))}
        {removed.length + added.length === 0 && (
          <span className="kb-muted">{t('assistant.kb.history.reordered')}</span>
        )}
      </span>
    );
  }
  return (
    <span className="kb-diff-values" data-testid="kb-diff">
      {from !== undefined && from !== null && <span className="kb-diff-from">{show(from, t)}</span>}
      {to !== undefined && to !== null && <span className="kb-diff-to">{show(to, t)}</span>}
    </span>
  );
}

export function KbHistory({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const history = useKbHistory(id);
  const p = 'assistant.kb.history';
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={560}
      title={t(`${p}.title`, { id: id ?? '' })}
      destroyOnHidden
      data-testid="kb-history"
    >
      <QueryState query={history} rows={6}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description={t(`${p}.empty`)} />
          ) : (
            <Timeline
              items={data.items.map((h) => ({
                color: ACTION_COLOUR[h.action],
                content: (
                  <div data-testid="kb-history-item" data-action={h.action}>
                    <div>
                      <Tag color={ACTION_COLOUR[h.action]}>
                        {t(`assistant.kb.action.${h.action}`)}
                      </Tag>
                      <span>{h.by ?? t(`${p}.system`)}</span>
                      <span className="kb-muted"> · {formatDateTime(h.at)}</span>
                    </div>
                    {Object.keys(h.changes).length > 0 && (
                      <div className="kb-diff">
                        {Object.entries(h.changes).map(([field, change]) => (
                          <div key={field} style={{ display: 'contents' }}>
                            <span className="kb-diff-field">
                              {t(`assistant.kb.field.${field}`, { defaultValue: field })}
                            </span>
                            <Diff from={change.from} to={change.to} />
                          </div>
                        ))}
                      </div>
                    )}
                  </div>
                ),
              }))}
            />
          )
        }
      </QueryState>
    </Drawer>
  );
}
