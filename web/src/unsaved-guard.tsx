// Unsaved input is kept: an editing form (or grid) says it has changes with useUnsavedGuard, and leaving
// the screen then asks first — an in-app link or the back button through react-router's blocker, a
// reload, a typed address or closing the tab through the browser's own unload prompt. The router honours
// one blocker at a time, so the forms only register here and one <UnsavedChangesPrompt/> in the frame
// (AppLayout) blocks for all of them.
import { Modal, type FormInstance } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';

export const UNSAVED_TITLE = '有未保存的修改';

/** The dirty checks of the guards currently on screen. */
const guards = new Set<() => boolean>();
const anyDirty = () => [...guards].some((dirty) => dirty());

const snapshot = (form: FormInstance) => {
  try {
    return JSON.stringify(form.getFieldsValue(true));
  } catch {
    return null;
  }
};

/**
 * Guards a form (changed = a field the user touched whose value differs from the last save) or a dirty
 * flag (a grid's own state). Call `saved()` right after a successful save — before navigating away — so
 * what was just saved does not count as unsaved; pass `null` while the form is not on screen (a closed
 * dialog).
 */
export function useUnsavedGuard(source: FormInstance | boolean | null | undefined): { saved(): void } {
  const current = useRef(source);
  const baseline = useRef<string | null>(null);
  const savedFlag = useRef(false);
  useEffect(() => {
    current.current = source;
    // A flag turned on again after a save is a new change.
    if (source === true) return;
    if (source === false) savedFlag.current = false;
  }, [source]);
  const isDirty = useCallback(() => {
    const s = current.current;
    if (!s) return false;
    if (s === true) return !savedFlag.current;
    if (!s.isFieldsTouched()) return false;
    return baseline.current === null || snapshot(s) !== baseline.current;
  }, []);
  useEffect(() => {
    guards.add(isDirty);
    return () => {
      guards.delete(isDirty);
    };
  }, [isDirty]);
  const saved = useCallback(() => {
    const s = current.current;
    if (s && s !== true) baseline.current = snapshot(s);
    else if (s === true) savedFlag.current = true;
  }, []);
  return { saved };
}

/** The one blocker: asks before leaving a screen with unsaved changes (rendered once, in the frame). */
export function UnsavedChangesPrompt() {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && anyDirty());
  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked' || asking.current) return;
    asking.current = true;
    Modal.confirm({
      title: UNSAVED_TITLE,
      content: '本页有尚未保存的修改，离开后这些修改将丢失。确定离开吗？',
      okText: '离开，不保存',
      okButtonProps: { danger: true },
      cancelText: '留在本页',
      onOk: () => {
        asking.current = false;
        blocker.proceed();
      },
      onCancel: () => {
        asking.current = false;
        blocker.reset();
      },
    });
  }, [blocker]);
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!anyDirty()) return;
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, []);
  return null;
}

/**
 * A dialog's form: guarded like a screen's while the dialog is open (leaving the screen asks first), and
 * closing the dialog with typed input (× , 取消, Esc, a click beside it) asks before the input is dropped.
 * Use `close` as the dialog's onCancel and its 取消 button; call `saved()` after a successful save.
 */
export function useDialogGuard(form: FormInstance | null, open: boolean, onClose: () => void): { close(): void; saved(): void } {
  const guard = useUnsavedGuard(open ? form : null);
  const savedRef = useRef(false);
  useEffect(() => {
    if (open) savedRef.current = false;
  }, [open]);
  const dirty = useCallback(() => {
    if (!form || savedRef.current || !form.isFieldsTouched()) return false;
    return true;
  }, [form]);
  const close = useCallback(() => {
    if (!dirty()) {
      onClose();
      return;
    }
    Modal.confirm({
      title: '放弃已填写的内容？',
      content: '对话框中有尚未保存的内容，关闭后将丢失。',
      okText: '放弃并关闭',
      okButtonProps: { danger: true },
      cancelText: '继续填写',
      onOk: onClose,
    });
  }, [dirty, onClose]);
  const saved = useCallback(() => {
    savedRef.current = true;
    guard.saved();
  }, [guard]);
  return { close, saved };
}
