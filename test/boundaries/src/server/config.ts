export const loadConfig = () => ({ port: 3000 });
