/**
 * "Aa": the display settings panel. Radio groups for theme, text size, line width and typeface, each
 * change applied at once and remembered. The panel floats over the page, so opening it moves nothing;
 * Escape or a click outside closes it and focus returns to the button.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  FONTS,
  TEXT_SIZES,
  THEMES,
  WIDTHS,
  updatePreferences,
  useReaderPreferences,
  type ReaderPreferences,
} from './reader-preferences.ts';

const LABELS: { readonly [K in keyof ReaderPreferences]: Record<ReaderPreferences[K], string> } = {
  theme: { auto: 'Auto', light: 'Light', dark: 'Dark', sepia: 'Sepia' },
  textSize: { s: 'Small', m: 'Medium', l: 'Large', xl: 'Extra large' },
  width: { narrow: 'Narrow', normal: 'Medium', wide: 'Wide' },
  font: { serif: 'Serif', sans: 'Sans-serif' },
};

function Choice<K extends keyof ReaderPreferences>({
  setting,
  legend,
  options,
  value,
}: {
  setting: K;
  legend: string;
  options: readonly ReaderPreferences[K][];
  value: ReaderPreferences[K];
}) {
  const name = useId();
  return (
    <fieldset className="choice">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option}>
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            onChange={() => updatePreferences({ [setting]: option })}
          />
          {LABELS[setting][option]}
        </label>
      ))}
    </fieldset>
  );
}

export function ReaderControls() {
  const prefs = useReaderPreferences();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !wrapper.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="reader-controls" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="reader-controls-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">Aa</span>
        <span className="visually-hidden">Display settings</span>
      </button>
      <div id={panelId} className="reader-controls-panel" role="group" aria-label="Display settings" hidden={!open}>
        <Choice setting="theme" legend="Theme" options={THEMES} value={prefs.theme} />
        <Choice setting="textSize" legend="Text size" options={TEXT_SIZES} value={prefs.textSize} />
        <Choice setting="width" legend="Line width" options={WIDTHS} value={prefs.width} />
        <Choice setting="font" legend="Typeface" options={FONTS} value={prefs.font} />
      </div>
    </div>
  );
}
