import { TextField } from './fields.js';

// The fields a person fills in to become someone in Alongside (signing up, joining by invite) or to
// say who they are (signing in, joining with an account): the same labels, autocomplete hints and
// password advice wherever they are asked, so a password manager and a person meet them alike.

type Values<K extends string> = Record<K, string>;
type Errors = Partial<Record<string, string>>;
type Setter<K extends string> = (key: K) => (value: string) => void;

/** Name, e-mail and a new password. `nameHint` gives examples that fit who is likely to be here. */
export function NewPersonFields({
  values,
  set,
  errors,
  nameHint,
}: {
  values: Values<'displayName' | 'email' | 'password'>;
  set: Setter<'displayName' | 'email' | 'password'>;
  errors: Errors;
  nameHint: string;
}) {
  return (
    <>
      <TextField
        label="Your name"
        name="displayName"
        autoComplete="name"
        value={values.displayName}
        onChange={set('displayName')}
        error={errors.displayName}
        hint={nameHint}
      />
      <TextField
        label="E-mail address"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        value={values.email}
        onChange={set('email')}
        error={errors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={set('password')}
        error={errors.password}
        hint="At least 10 characters. A short sentence is easy to remember."
      />
    </>
  );
}

/**
 * E-mail and current password of an existing account. On a page that also has `NewPersonFields`,
 * `names` keeps the two forms' inputs apart (for tests and password managers alike).
 */
export function ExistingPersonFields({
  values,
  set,
  errors,
  labels = { email: 'E-mail address', password: 'Password' },
  names = { email: 'email', password: 'password' },
}: {
  values: Values<'email' | 'password'>;
  set: Setter<'email' | 'password'>;
  errors: Errors;
  labels?: { email: string; password: string };
  names?: { email: string; password: string };
}) {
  return (
    <>
      <TextField
        label={labels.email}
        name={names.email}
        type="email"
        autoComplete="email"
        inputMode="email"
        value={values.email}
        onChange={set('email')}
        error={errors.email}
      />
      <TextField
        label={labels.password}
        name={names.password}
        type="password"
        autoComplete="current-password"
        value={values.password}
        onChange={set('password')}
        error={errors.password}
      />
    </>
  );
}
