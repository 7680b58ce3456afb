-- The language the comment is written in, detected at intake (ISO 639-1, or 'und' when the text is too short
-- to tell); NULL for a response without a comment. `language` stays what the source declared.
ALTER TABLE responses_response ADD COLUMN comment_language text;
CREATE INDEX responses_response_comment_language ON responses_response (comment_language, responded_at)
  WHERE comment_language IS NOT NULL;
