"""Choices of calls for mentors and mentor applications.

The directions a mentor can lead are the club directions (clubs.models.Direction), so that matching compares
like with like; they are imported, never copied.
"""

from django.db import models


class Audience(models.TextChoices):
    """Whom a call is for and who an applicant is (resolution point 5)."""

    ACTIVISTS = "activists", "Активисты движения"
    ALUMNI = "alumni", "Выпускники"
    EMPLOYERS = "employers", "Работодатели"
    SENIOR_PUPILS = "senior_pupils", "Старшеклассники"
    STUDENTS = "students", "Студенты"
    VETERANS = "veterans", "Ветераны и Герои Труда"


class MentoringFormat(models.TextChoices):
    IN_PERSON = "in_person", "Очно"
    ONLINE = "online", "Онлайн"
    BOTH = "both", "Очно и онлайн"


class EmployerOffer(models.TextChoices):
    """What an employer offers young people (resolution point 6)."""

    INTERNSHIPS = "internships", "Стажировки и практика"
    GRADUATE_JOBS = "graduate_jobs", "Работа для выпускников"
    DISABILITY_JOBS = "disability_jobs", "Рабочие места для людей с инвалидностью"


class Status(models.TextChoices):
    NEW = "new", "Новая"
    INTERVIEW = "interview", "Собеседование"
    APPROVED = "approved", "Одобрена"
    MATCHED = "matched", "Закреплён за кружком"
    DECLINED = "declined", "Отказ"
    WITHDRAWN = "withdrawn", "Отозвана"
