import { useId, type ReactNode } from 'react';

// Form fields: every input has a visible label, its hint and its message are tied to it with
// aria-describedby, and a message sets aria-invalid. Messages are calm and say what to do.

interface FieldBase {
  label: ReactNode;
  name: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** Adds "(optional)" to the label; fields are needed unless they say otherwise. */
  optional?: boolean;
}

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

function Label({ htmlFor, label, optional }: { htmlFor: string; label: ReactNode; optional?: boolean }) {
  return (
    <label className="field-label" htmlFor={htmlFor}>
      {label}
      {optional && <span className="optional"> (optional)</span>}
    </label>
  );
}

export function FieldMessage({ id, error }: { id: string; error?: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field-error" id={id}>
      <span aria-hidden="true" className="field-error-mark">
        ›{' '}
      </span>
      {error}
    </p>
  );
}

/** What a control needs from its frame to be tied to its label, hint and message. */
interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The frame every labelled control shares: label, hint, the control, and its message. */
function LabelledField({
  label,
  hint,
  error,
  optional,
  className,
  children,
}: Omit<FieldBase, 'name'> & {
  className?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <Label htmlFor={id} label={label} optional={optional ?? false} />
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(hint !== undefined && hintId, error && errorId),
      })}
      <FieldMessage id={errorId} error={error} />
    </div>
  );
}

interface TextFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'date' | 'month' | 'time' | 'datetime-local' | 'number' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'search';
  maxLength?: number;
  min?: string;
  max?: string;
  placeholder?: string;
  className?: string;
}

export function TextField({
  label,
  name,
  error,
  hint,
  optional,
  value,
  onChange,
  type = 'text',
  className,
  ...rest
}: TextFieldProps) {
  return (
    <LabelledField label={label} hint={hint} error={error} optional={optional} className={className}>
      {(control) => (
        <input
          {...control}
          name={name}
          type={type}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-required={optional ? undefined : true}
          {...rest}
        />
      )}
    </LabelledField>
  );
}

interface TextAreaProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
}

export function TextArea({
  label,
  name,
  error,
  hint,
  optional,
  value,
  onChange,
  rows = 4,
  maxLength,
}: TextAreaProps) {
  return (
    <LabelledField label={label} hint={hint} error={error} optional={optional}>
      {(control) => (
        <textarea
          {...control}
          name={name}
          rows={rows}
          value={value}
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </LabelledField>
  );
}

interface SelectFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<{ value: string; label: string }>;
}

export function SelectField({
  label,
  name,
  error,
  hint,
  optional,
  value,
  onChange,
  options,
}: SelectFieldProps) {
  return (
    <LabelledField label={label} hint={hint} error={error} optional={optional}>
      {(control) => (
        <select {...control} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}

interface CheckboxFieldProps extends Omit<FieldBase, 'optional'> {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Shown as an on/off switch (role="switch") rather than a tick box. */
  asSwitch?: boolean;
  disabled?: boolean;
}

export function CheckboxField({
  label,
  name,
  error,
  hint,
  checked,
  onChange,
  asSwitch,
  disabled,
}: CheckboxFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`field check-field${asSwitch ? ' switch-field' : ''}`}>
      <div className="check-row">
        <input
          id={id}
          name={name}
          type="checkbox"
          role={asSwitch ? 'switch' : undefined}
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint !== undefined && hintId, error && errorId)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldMessage id={errorId} error={error} />
    </div>
  );
}

interface RadioGroupProps<V extends string> extends Omit<FieldBase, 'optional'> {
  value: V | '';
  onChange: (value: V) => void;
  options: ReadonlyArray<{ value: V; label: string; hint?: string }>;
  /** Lays the choices out as large tiles side by side when there is room. */
  tiles?: boolean;
}

export function RadioGroup<V extends string>({
  label,
  name,
  error,
  hint,
  value,
  onChange,
  options,
  tiles,
}: RadioGroupProps<V>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      className={`field radio-group${tiles ? ' tiles' : ''}`}
      aria-describedby={describedBy(hint !== undefined && hintId, error && errorId)}
    >
      <legend className="field-label">{label}</legend>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="radio-options">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div className="radio-option" key={option.value}>
              <input
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy(option.hint && `${optionId}-hint`, error && errorId)}
              />
              <label htmlFor={optionId}>
                <span className="radio-label">{option.label}</span>
                {option.hint && (
                  // Part of the big click target, read as the choice's description (not its name).
                  <span className="radio-hint" id={`${optionId}-hint`} aria-hidden="true">
                    {option.hint}
                  </span>
                )}
              </label>
            </div>
          );
        })}
      </div>
      <FieldMessage id={errorId} error={error} />
    </fieldset>
  );
}
