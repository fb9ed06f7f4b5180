// Case tags ([紧急], [证据已补充] …) as coloured labels, and the tag filter the lists share.
import { TagsOutlined } from '@ant-design/icons';
import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { SYSTEM_TAGS } from '../../../shared/cases';

/** System tags keep fixed colours by meaning; the staff's own tags get a stable colour each. */
const SYSTEM_COLORS: Record<string, string> = {
  [SYSTEM_TAGS.urgent]: 'red',
  [SYSTEM_TAGS.evidenceAdded]: 'green',
  [SYSTEM_TAGS.arbitration]: 'purple',
  [SYSTEM_TAGS.collective]: 'orange',
  [SYSTEM_TAGS.external]: 'cyan',
  [SYSTEM_TAGS.escalated]: 'magenta',
};
const PALETTE = ['blue', 'geekblue', 'gold', 'lime', 'volcano', 'cyan', 'purple', 'magenta'];

export function tagColor(tag: string): string {
  const fixed = SYSTEM_COLORS[tag];
  if (fixed) return fixed;
  let hash = 0;
  for (const ch of tag) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? 'blue';
}

export const SYSTEM_TAG_LIST: readonly string[] = Object.values(SYSTEM_TAGS);

export function CaseTags({ tags, empty }: { tags: readonly string[]; empty?: boolean }) {
  if (tags.length === 0) return empty ? <span className="cw-muted">—</span> : null;
  return (
    <span className="cw-tags" data-testid="case-tags">
      {tags.map((tag) => (
        <Tag key={tag} color={tagColor(tag)} style={{ marginInlineEnd: 0 }} data-testid="case-tag">
          {tag}
        </Tag>
      ))}
    </span>
  );
}

/** One tag to filter by: a system tag, a tag seen in the data, or one typed in. */
export function TagFilter({
  value,
  onChange,
  known = [],
  testId = 'tag-filter',
}: {
  value: string | undefined;
  onChange: (tag: string | undefined) => void;
  known?: readonly string[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const all = [...new Set([...SYSTEM_TAG_LIST, ...known, ...(value ? [value] : [])])];
  return (
    <Select
      mode="tags"
      maxCount={1}
      allowClear
      suffixIcon={<TagsOutlined />}
      style={{ minWidth: 160 }}
      placeholder={t('caseWork.tags.filter')}
      value={value ? [value] : []}
      onChange={(next: string[]) => onChange(next[next.length - 1]?.trim() || undefined)}
      options={all.map((tag) => ({ value: tag, label: tag }))}
      optionRender={(option) => <Tag color={tagColor(String(option.value))}>{option.label}</Tag>}
      data-testid={testId}
    />
  );
}
