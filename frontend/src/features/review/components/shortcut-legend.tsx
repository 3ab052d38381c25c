const navigation = [
  { keys: ['j'], action: 'Next exception' },
  { keys: ['k'], action: 'Previous exception' },
  { keys: ['Enter', 'o'], action: 'Open the exception' },
] as const;

const decisions = [
  { keys: ['x'], action: 'Select or unselect' },
  { keys: ['a'], action: 'Accept the suggested resolution' },
  { keys: ['c'], action: 'Override the category' },
  { keys: ['r'], action: 'Resolve with a reason' },
] as const;

/** The queue's keyboard shortcuts, always on screen. They do nothing while a field has the focus. */
export function ShortcutLegend({ canDecide }: { canDecide: boolean }) {
  const shortcuts = canDecide ? [...navigation, ...decisions] : navigation;
  return (
    <section className="shortcut-legend" aria-labelledby="shortcut-legend-title">
      <h2 className="shortcut-legend__title" id="shortcut-legend-title">
        Keyboard shortcuts
      </h2>
      <dl className="shortcut-legend__list">
        {shortcuts.map((shortcut) => (
          <div key={shortcut.action} className="shortcut-legend__item">
            <dt>
              {shortcut.keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && ' or '}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{shortcut.action}</dd>
          </div>
        ))}
      </dl>
      <p className="shortcut-legend__note">Shortcuts are off while you type in a field.</p>
    </section>
  );
}
