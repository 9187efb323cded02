/** The message type an embed page sends its host (shared by the embed page and public/embed/loader.js). */
export const HEIGHT_MESSAGE = 'report-microsite:embed-height';
