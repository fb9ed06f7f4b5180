// The form state both catalogue drawers share: the server's refusal shown next to the fields it
// names (and above the form for anything else), fresh values on each open. The drawer itself is
// the console's shared EditDrawer.
import { App, Form } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalText } from '../../app/types';
import { errorMessage } from '../../shared/formErrors';
import { useLocalText } from '../../shared/text';
import { applyServerErrors, firstErrorPath } from './serverErrors';

/**
 * A form that starts from its stored values each time the drawer opens for an entry. Keyed on
 * the entry (its code), not the object, so a background refetch does not wipe what is typed.
 */
export function useDrawerForm<V>(
  open: boolean,
  entryKey: string,
  shows: (path: string) => boolean,
  alias?: (path: string) => string,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const local = useLocalText();
  const [form] = Form.useForm<V>();
  const [failure, setFailure] = useState<string[] | null>(null);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(null);
  }, [open, entryKey, form]);

  const onError = (error: unknown) => {
    const rest = applyServerErrors(form, error, shows, alias);
    const first = firstErrorPath(error, shows, alias);
    if (first) form.scrollToField(first);
    if (!first || rest.length > 0) setFailure([errorMessage(error, t), ...rest]);
  };
  /** Saves, then says so and closes; a refusal goes to the fields it names. */
  const save = async (request: () => Promise<{ name: LocalText }>, onSaved: () => void) => {
    setFailure(null);
    try {
      const saved = await request();
      void message.success(t('catalogAdmin.saved', { name: local(saved.name) }));
      onSaved();
    } catch (error) {
      onError(error);
    }
  };
  return { form, failure, save };
}

export { EditDrawer } from '../../shared/FormFrame';
