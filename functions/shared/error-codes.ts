/**
 * Stable, machine-readable reasons beside the English sentence, so no caller (the workspace included) ever
 * matches message text. Add a code when a caller must react differently; otherwise the status's default
 * serves.
 */
export const errorCodes = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'gone',
  'payload_too_large',
  'unavailable',
  'internal',
  /** A write carried a version that is no longer the item's; the answer carries `current`. */
  'stale_version',
  /** The address (type + slug) belongs to another item of the tenant. */
  'slug_taken',
  /** The item cannot be published as it is; the answer carries `problems`. */
  'publish_blocked',
  /** A cursor that this listing did not hand out. */
  'invalid_cursor',
  /** A media path that is not exactly one of the tenant's own uploads. */
  'invalid_media',
  /** A file that is not ready, is being deleted, or lacks alt text. */
  'media_not_usable',
  /** A file still used by items; it cannot be deleted. */
  'media_in_use',
  /** A topic that is not in the catalog. */
  'unknown_topic',
  /** One change would write more records than a DynamoDB transaction holds (an item in very many listings). */
  'too_many_changes',
  /** An edition already features as many items as its home page shows. */
  'featured_limit',
  /** An exam's form posted to a SCORM attempt, or a SCORM result to an exam's. */
  'wrong_attempt',
  /** A SCORM result that does not report a pass, or a score that is not a number from 0 to 100. */
  'scorm_not_passed',
  /** A newsletter issue names an item that is not among the edition's recent published items. */
  'unknown_item',
  /** The editor's own e-mail address is not known (or not verified), so a test send has nowhere to go. */
  'no_editor_email',
  /** A newsletter issue already on its way (or sent) cannot be withdrawn. */
  'issue_not_scheduled',
  /** A partner's calendar address that is not https (issue 13: feeds are read over https only). */
  'feed_not_https',
  /** An edition already subscribes to as many partner calendars as one scheduler run can keep up with. */
  'too_many_feeds',
  /** A published item cannot go to the bin; unpublish it first. */
  'item_published',
  /** The item is in the bin (deleted); restore it before changing it. */
  'item_binned',
  /** This item cannot be copied (a course with lessons or an exam). */
  'copy_unsupported',
  /** A brand colour too light to carry white text (WCAG AA, 4.5:1); it concerns the edition's `colour`. */
  'colour_too_light',
  /** An edition id that is a path the site or the workspace uses itself. */
  'reserved_id',
  /** A new edition's id is taken by an existing edition. */
  'tenant_exists',
  /** A new topic area's slug is taken by an existing one (retired ones too: their pages redirect). */
  'topic_exists',
  /** The topic area is retired already. */
  'topic_retired',
  /** An admin tried to deactivate their own account or take their own admin right. */
  'own_account',
  /** The national edition cannot be hidden from readers (issue 17): it shows every other edition's shared content. */
  'national_edition',
  /** A body embeds a film or episode that is missing, not published, or another edition's and not shared nationally. */
  'embed_unavailable',
] as const
export type ErrorCode = (typeof errorCodes)[number]
