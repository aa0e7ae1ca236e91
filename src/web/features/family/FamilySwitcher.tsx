import { useNavigate } from 'react-router';
import { useSignedIn } from '../../app/session.js';
import { useFamilies, useSwitchFamily } from './mutations.js';

/**
 * The family's name at the top of every page; for someone in more than one family (grandparents
 * often are), a choice between them. Moving changes this session's family (and its CSRF-checked
 * request, like any change), and the app opens the other family's home.
 */
export function FamilySwitcher() {
  const { family } = useSignedIn();
  const families = useFamilies();
  const move = useSwitchFamily();
  const navigate = useNavigate();
  const choices = families.data?.families ?? [];
  if (choices.length < 2) {
    return (
      <p className="family-name">
        <span className="visually-hidden">Family: </span>
        {family.name}
      </p>
    );
  }
  return (
    <div className="family-name family-switcher">
      <label htmlFor="family-switcher" className="visually-hidden">
        Family
      </label>
      <select
        id="family-switcher"
        value={family.id}
        disabled={move.isPending}
        onChange={(e) => {
          void move.mutateAsync(e.target.value).then(
            () => navigate('/'),
            () => undefined,
          );
        }}
      >
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </select>
      {move.isError && (
        <p role="alert" className="meta">
          We could not move to that family just now. Please try again.
        </p>
      )}
    </div>
  );
}

export default FamilySwitcher;
