import { useEffect, useState } from 'react';
import type { ChildModeResponse } from '../../../contracts/children.js';
import { TextField } from '../../components/fields.js';
import { FormNotice } from '../../components/Notice.js';
import { LoadError, Loading } from '../../components/Page.js';
import { isApiError, messageOf } from '../../lib/api.js';
import { ChildMemoryBox } from '../memory-box/ChildMemoryBox.js';
import { ChildRituals } from '../rituals/ChildRituals.js';
import { useChildMode, useHelp, useLeaveChildMode } from './mutations.js';

// Child mode: what a child sees on a phone a grown-up handed over. Calm, short sentences and big
// buttons. A child may help check that a keepsake is with the family; an adult always makes the
// final check, and nothing here says a child forgot or failed. Every question can be left with
// "Not today". Nothing else of the family's is here: the server refuses this session everything else.

type Trip = ChildModeResponse['trips'][number];
type Keepsake = Trip['keepsakes'][number];

export function ChildModePage() {
  const view = useChildMode();
  useEffect(() => {
    document.title = 'Child mode · Alongside';
  }, []);
  if (view.isPending) return <Loading label="Opening…" />;
  if (view.isError)
    return <LoadError error={view.error} what="this page" onRetry={() => void view.refetch()} />;
  const { child, trips } = view.data;
  const asks = trips.flatMap((trip) => trip.keepsakes.map((keepsake) => ({ trip, keepsake })));
  return (
    <div className="page child-mode stack">
      <h1>Hello, {child.displayName}</h1>
      <ChildRituals />
      {asks.length === 0 ? (
        <p className="child-words">There is nothing to check today.</p>
      ) : (
        asks.map(({ trip, keepsake }) => (
          <KeepsakeQuestion
            key={`${trip.checkId}:${keepsake.tripKeepsakeId}`}
            trip={trip}
            keepsake={keepsake}
          />
        ))
      )}
      <ChildMemoryBox childProfileId={child.id} />
      <LeaveChildMode to={trips[0] ? `/trips/${trips[0].id}` : '/'} />
    </div>
  );
}

function KeepsakeQuestion({ trip, keepsake }: { trip: Trip; keepsake: Keepsake }) {
  const help = useHelp();
  const [notToday, setNotToday] = useState(false);
  const name = keepsake.lovedOneName;
  const headingId = `ask-${trip.checkId}-${keepsake.tripKeepsakeId}`;
  return (
    <section className="card stack child-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{keepsake.state === 'ask' && !notToday ? `Is ${name} with us?` : name}</h2>
      <p className="meta">
        {keepsake.keepsakeName}, for {trip.name}
      </p>
      <div role="status" className="child-words">
        {keepsake.state === 'helped' && (
          <p>Thanks for helping check {name} is with us. A grown-up will check too.</p>
        )}
        {keepsake.state === 'checked' && <p>A grown-up has checked that {name} is with us.</p>}
        {keepsake.state === 'ask' && notToday && (
          <p>That’s fine. You can come back to this whenever you like.</p>
        )}
      </div>
      {keepsake.state === 'ask' && !notToday && (
        <>
          {help.isError && <FormNotice message={messageOf(help.error)} />}
          <div className="child-buttons">
            <button
              type="button"
              className="button child-button"
              disabled={help.isPending}
              onClick={() => help.mutate({ checkId: trip.checkId, tripKeepsakeId: keepsake.tripKeepsakeId })}
            >
              Yes, {name} is with us
            </button>
            <button type="button" className="button secondary child-button" onClick={() => setNotToday(true)}>
              Not today
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** For a grown-up: the PIN chosen when the phone was handed over, or their password. */
function LeaveChildMode({ to }: { to: string }) {
  const leave = useLeaveChildMode();
  const [open, setOpen] = useState(false);
  const [withPassword, setWithPassword] = useState(false);
  const [secret, setSecret] = useState('');
  if (!open) {
    return (
      <p>
        <button type="button" className="button quiet child-button" onClick={() => setOpen(true)}>
          For a grown-up: leave child mode
        </button>
      </p>
    );
  }
  const fieldError = leave.isError
    ? (isApiError(leave.error) && Object.values(leave.error.fields)[0]) || messageOf(leave.error)
    : undefined;
  return (
    <section className="card stack" aria-labelledby="leave-heading">
      <h2 id="leave-heading">Leave child mode</h2>
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          leave.mutate({ body: withPassword ? { password: secret } : { pin: secret }, to });
        }}
      >
        <TextField
          label={withPassword ? 'Your password' : 'PIN'}
          name={withPassword ? 'password' : 'pin'}
          type="password"
          autoComplete={withPassword ? 'current-password' : 'off'}
          inputMode={withPassword ? 'text' : 'numeric'}
          value={secret}
          onChange={setSecret}
          error={fieldError}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={leave.isPending}>
            Leave child mode
          </button>
          <button
            type="button"
            className="button quiet"
            onClick={() => {
              setWithPassword(!withPassword);
              setSecret('');
              leave.reset();
            }}
          >
            {withPassword ? 'Use the PIN instead' : 'Use my password instead'}
          </button>
          <button type="button" className="button quiet" onClick={() => setOpen(false)}>
            Not now
          </button>
        </div>
      </form>
    </section>
  );
}
