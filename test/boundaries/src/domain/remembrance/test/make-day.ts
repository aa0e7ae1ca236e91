export const makeDay = () => ({ date: '2024-01-01' });
